"""The database cache's table, so login throttling is shared by every worker from the first `migrate`
(settings.CACHES["throttle"]; a Redis or Memcached throttle cache needs no table)."""
from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0002_import_jobs"),
    ]

    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=True),
    ]
