"""The API's background tasks (found by the jobs app's autodiscovery)."""
from api.import_jobs import import_library_task  # noqa: F401
