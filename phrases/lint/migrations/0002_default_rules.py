"""Once installed the default brand-voice rules with today's code; now the post_migrate sync
(phrases.lint.sync) seeds them, and the role groups come from the phrases app's post_migrate handler,
so this migration no longer imports live code. Kept, empty, for databases migrated part of the way."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lint", "0001_rules"),
        ("phrases", "0002_role_groups"),
    ]

    operations = []
