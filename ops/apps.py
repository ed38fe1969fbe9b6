from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """What operators of the service need: liveness and readiness probes, metrics, request ids in logs."""

    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from jobs.metrics import register_collectors
        from ops.metrics import register_collectors as register_search_collectors

        register_collectors()
        register_search_collectors()
