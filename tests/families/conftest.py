"""The API clients by role, shared with tests/api."""
from tests.api.conftest import api, client_for  # noqa: F401
