from django.core.management.base import BaseCommand

from phrases.services.families import link_families


class Command(BaseCommand):
    help = ("Link the library's parallel phrases into language families: phrases in different languages that "
            "share a key stem (hold-minute-ru / hold-minute-en) or a shortcut. Approved phrases' live copies "
            "take the family at once; history records each link.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="List the families and the phrases left unlinked; change nothing")

    def handle(self, *args, dry_run, **options):
        report = link_families(actor=None, dry_run=dry_run)
        verb = "Would link" if dry_run else "Linked"
        self.stdout.write(f"{verb} {report.changed} phrases into {len(report.families)} families:")
        for plan in report.families:
            members = ", ".join(f"{key} ({language})" for key, language in plan.members)
            self.stdout.write(f"  {plan.name}{' (existing)' if plan.existing else ''}: {members}")
        if report.refused:
            self.stdout.write(f"Refused {len(report.refused)} families (left as they were):")
            for plan, message in report.refused:
                self.stdout.write(f"  {plan.name}: {message}")
        self.stdout.write(f"Left unlinked: {len(report.unlinked)} phrases:")
        for key, language, reason in report.unlinked:
            self.stdout.write(f"  {key} ({language}): {reason}")
