from django.core.management.base import BaseCommand

from phrases.lint.ruleset import reset_cache
from phrases.lint.sync import sync_default_rules


class Command(BaseCommand):
    help = ("Bring the default brand-voice rules and terms into the database (also done after every migrate): "
            "new defaults are added, changed ones reach rows still as installed, reviewers' edits are kept.")

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="The database to sync (default: default).")

    def handle(self, *args, **options):
        report = sync_default_rules(using=options["database"])
        if report.changed:
            reset_cache()
        self.stdout.write(f"{len(report.created)} added, {len(report.updated)} updated, {len(report.removed)} removed; "
                          f"{len(report.kept)} kept as reviewers edited them.")
        for identity in report.kept:
            kind, language, name, pattern = identity
            self.stdout.write(f"  kept: {kind} {name} [{language or 'all'}] {pattern}".rstrip())
