from django.core.management.base import BaseCommand

from phrases.search.live_index import live_index


class Command(BaseCommand):
    help = ("Build the search index from the live library and write a new snapshot generation: the next server "
            "start maps it in under a second, and running servers switch to it at their next revision check "
            "(run it after a deploy's migrate, a bulk import, or nightly; the server also writes one when it "
            "has to build or when a quarter of the library has changed).")

    def handle(self, *args, **options):
        path = live_index.write_snapshot()
        self.stdout.write(f"Search index of {live_index.index.alive_count} phrases written to {path}")
