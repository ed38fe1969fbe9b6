"""Install the default brand-voice rules (phrases/lint/defaults.py) and let reviewers tune them."""
from django.db import migrations


def install_defaults(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from phrases.lint.ruleset import install_default_rules
    from accounts.roles import install_role_groups

    install_default_rules(apps.get_model("lint", "RuleSetting"), apps.get_model("lint", "Term"),
                          apps.get_model("lint", "RulesRevision"))
    app_config = apps.get_app_config("lint")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    install_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_defaults(apps, schema_editor):
    for name in ("RuleSetting", "Term", "RulesRevision"):
        apps.get_model("lint", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lint", "0001_rules"),
        ("phrases", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(install_defaults, remove_defaults, elidable=True)]
