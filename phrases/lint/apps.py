from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_default_rules(sender, using="default", **kwargs):
    # Seeds the defaults into a new (or flushed) database and brings changed defaults to rows still
    # as installed, never over a reviewer's tuning (phrases.lint.sync).
    from phrases.lint.ruleset import reset_cache
    from phrases.lint.sync import sync_default_rules

    if sync_default_rules(using=using).changed:
        reset_cache()


class LintConfig(AppConfig):
    name = "phrases.lint"
    label = "lint"
    verbose_name = _("Brand-voice rules")

    def ready(self):
        from phrases.lint import signals  # noqa: F401  (rule-cache invalidation)

        post_migrate.connect(_sync_default_rules, sender=self, dispatch_uid="quickphrases-default-rules")
