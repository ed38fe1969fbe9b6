from tests.api.conftest import api, client_for  # noqa: F401  (clients by role)
