from django.core.management.base import BaseCommand, CommandError

from phrases import strict_json
from phrases.errors import ImportRejected
from phrases.services import library_import


class Command(BaseCommand):
    help = "Import a quickphrases/v1 library file: all or nothing, updating phrases by key."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the UTF-8 JSON library file")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report without changing anything")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                data = strict_json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 JSON: {error}.") from None
        except strict_json.StrictJSONError as error:
            if error.field is None:
                raise CommandError(f"{file} is not UTF-8 JSON: {error.message}") from None
            raise CommandError(f"{file} was not imported: {error}") from None
        try:
            report = library_import(data, actor=None, dry_run=dry_run)
        except ImportRejected as error:
            raise CommandError(error.message) from None
        for key, findings in sorted(report.findings.items()):
            for finding in findings:
                self.stdout.write(f"lint {finding['severity']}: {key}: {finding['rule']}: {finding['message']}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
