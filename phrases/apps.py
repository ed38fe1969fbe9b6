from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _restore_role_groups(sender, **kwargs):
    # The data migrations create the groups; this brings them back after a `flush` and grants
    # permissions of apps migrated later. Idempotent.
    if sender.label not in ("phrases", "lint"):
        return
    from django.contrib.auth.models import Group, Permission

    from accounts.roles import install_role_groups

    install_role_groups(Group, Permission)


class PhrasesConfig(AppConfig):
    name = "phrases"
    verbose_name = _("Phrase library")

    def ready(self):
        from phrases.search.live_index import live_index
        from phrases.signals import live_library_changed

        # An approval in this process is searchable at once; other processes see it within
        # a second through the index's revision check.
        live_library_changed.connect(lambda **kwargs: live_index.refresh_now(), weak=False,
                                     dispatch_uid="search-index-refresh")
        post_migrate.connect(_restore_role_groups, dispatch_uid="quickphrases-role-groups")
