from django.core.management.base import BaseCommand

from phrases.search.live_index import live_index


class Command(BaseCommand):
    help = ("Build the search index from the live library and write its snapshot, so the next server start "
            "loads it in seconds (run it after a deploy's migrate or a bulk import; the server also writes "
            "one when it has to build).")

    def handle(self, *args, **options):
        path = live_index.write_snapshot()
        self.stdout.write(f"Search index of {live_index.index.alive_count} phrases written to {path}")
