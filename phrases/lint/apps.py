from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _restore_default_rules(sender, **kwargs):
    # The data migration installs the defaults; this reinstalls them after a `flush` emptied the
    # rule tables (never over a reviewer's tuning: it only acts without a rules revision).
    from phrases.lint.models import RuleSetting, RulesRevision, Term
    from phrases.lint.ruleset import install_default_rules, reset_cache

    if install_default_rules(RuleSetting, Term, RulesRevision):
        reset_cache()


class LintConfig(AppConfig):
    name = "phrases.lint"
    label = "lint"
    verbose_name = _("Brand-voice rules")

    def ready(self):
        from phrases.lint import signals  # noqa: F401  (rule-cache invalidation)

        post_migrate.connect(_restore_default_rules, sender=self, dispatch_uid="quickphrases-default-rules")
