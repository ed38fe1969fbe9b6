from django.core.management.base import BaseCommand, CommandError

from phrases.search import MAX_LIMIT, SearchQueryError, search_phrases


class Command(BaseCommand):
    help = 'Search the live library as an operator would: python manage.py search "запрос" [--language ru]'

    def add_arguments(self, parser):
        parser.add_argument("query", help="What the operator typed (may be empty)")
        parser.add_argument("--language", help="Only phrases in this language")
        parser.add_argument("--topic", help="Only phrases in this topic and its subtopics")
        parser.add_argument("--limit", type=int, default=10, help=f"How many results (1–{MAX_LIMIT})")

    def handle(self, *args, query, language, topic, limit, **options):
        try:
            hits = search_phrases(query, language=language, topic=topic, limit=limit)
        except SearchQueryError as error:
            raise CommandError(error.message) from None
        if not hits:
            self.stdout.write("Nothing found.")
        for rank, hit in enumerate(hits, 1):
            shortcut = f" {hit.shortcut}" if hit.shortcut else ""
            self.stdout.write(f"{rank:>2}. {hit.score:.3f}  {hit.key} [{hit.language}]{shortcut}  {hit.title}")
