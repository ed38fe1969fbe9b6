import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from phrases.errors import ImportRejected
from phrases.models import Phrase
from phrases.search import search_phrases
from phrases.search.evaluation import evaluate, link_families_by_shortcut, load_queries
from phrases.services import library_import

EVAL_DIR = Path(settings.BASE_DIR).parent / "shared" / "eval"


class Command(BaseCommand):
    help = ("Import a library into the current (throwaway) database and score search on labelled queries: "
            "recall@1, recall@5 and MRR per kind and per language. `make eval` runs it on a fresh SQLite file.")

    def add_arguments(self, parser):
        parser.add_argument("--library", default=str(EVAL_DIR / "dev_library.json"))
        parser.add_argument("--queries", default=str(EVAL_DIR / "dev_queries.jsonl"))
        parser.add_argument("--show-misses", action="store_true", help="List queries whose first result is wrong")
        parser.add_argument("--link-families", action="store_true",
                            help="Link phrases sharing a shortcut across languages into families before scoring")

    def handle(self, *args, library, queries, show_misses, link_families=False, **options):
        for path in (library, queries):
            if not Path(path).exists():
                raise CommandError(f"No such file: {path}.")
        if Phrase.objects.exists():
            self.stdout.write("The database already has phrases; the library is imported over them.")
        document = json.loads(Path(library).read_text(encoding="utf-8"))
        if link_families:
            document = link_families_by_shortcut(document)
            families = {p["family"] for p in document["phrases"] if p.get("family")}
            self.stdout.write(f"Linked {len(families)} families by shared shortcut.")
        try:
            library_import(document, actor=None)
        except ImportRejected as error:
            raise CommandError(error.message) from None
        items = load_queries(queries)
        started = time.perf_counter()
        table, misses = evaluate(items, lambda q, lang: [h.key for h in search_phrases(q, language=lang, limit=10)])
        elapsed = (time.perf_counter() - started) / len(items) * 1000
        self.stdout.write(f"Search quality on {queries} ({len(items)} queries, {elapsed:.2f} ms per query)")
        self.stdout.write(f"{'group':<18} {'n':>4} {'recall@1':>9} {'recall@5':>9} {'MRR':>7}")
        for group in ["all"] + sorted(g for g in table if g.startswith("kind:")) + sorted(
                g for g in table if g.startswith("lang:")):
            row = table[group]
            self.stdout.write(f"{group:<18} {row['n']:>4} {row['recall@1']:>9.3f} {row['recall@5']:>9.3f} {row['mrr']:>7.3f}")
        if show_misses:
            for miss in misses:
                self.stdout.write(f"  [{miss['kind']}] {miss['q']!r} ({miss['lang']}) expect {miss['expect']} "
                                  f"rank {miss['rank']} got {miss['got']}")
