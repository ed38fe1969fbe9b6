import sys

from django.core.management.base import BaseCommand

from phrases import selectors
from phrases.exporters.quickphrases import export_quickphrases
from phrases.models import PhraseStatus


class Command(BaseCommand):
    help = (
        "Export the library as a quickphrases/v1 file. Without --status every working copy is "
        "exported (a full backup); --status approved exports the live library, the last approved "
        "text of each phrase, as operators see it."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write (default: standard output)")
        parser.add_argument("--status", choices=PhraseStatus.values, help="Only phrases with this status")
        parser.add_argument("--language", help="Only phrases in this language")
        parser.add_argument("--topic", help="Only phrases in this topic and its subtopics")

    def handle(self, *args, output, status, language, topic, **options):
        if status == PhraseStatus.APPROVED:
            content = export_quickphrases(selectors.live_phrases(language=language, topic=topic), live=True)
        else:
            phrases = selectors.working_phrases(status=status, language=language, topic=topic)
            content = export_quickphrases(phrases, live=False)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Wrote {output}.")
        else:
            sys.stdout.flush()
            self.stdout.write(content.decode("utf-8"), ending="")
