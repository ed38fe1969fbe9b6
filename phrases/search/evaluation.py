"""Scoring search on labelled queries (shared/eval/README.md, section 2)."""
import json
from collections import defaultdict


def load_queries(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def link_families_by_shortcut(library: dict) -> dict:
    """A copy of a quickphrases/v1 document whose phrases sharing a shortcut across languages form a family
    (named after the shortcut), for scoring search with families linked. Phrases that already name a family
    keep it; a shortcut used in one language only links nothing."""
    by_shortcut = defaultdict(list)
    for phrase in library.get("phrases", []):
        if phrase.get("shortcut") and not phrase.get("family"):
            by_shortcut[phrase["shortcut"].lstrip("/").lower()].append(phrase)
    linked = {}
    for shortcut, phrases in by_shortcut.items():
        if len({p["language"] for p in phrases}) > 1 and len(phrases) == len({p["language"] for p in phrases}):
            linked.update((p["key"], shortcut) for p in phrases)
    return {**library, "phrases": [{**p, "family": linked[p["key"]]} if p["key"] in linked else p
                                   for p in library.get("phrases", [])]}


def evaluate(queries, search):
    """recall@1, recall@5 and MRR overall, per kind and per language filter.

    `search(q, language)` returns the ranked list of phrase keys."""
    groups = defaultdict(list)
    misses = []
    for query in queries:
        ranked = search(query["q"], query["lang"])[:10]
        rank = next((i + 1 for i, key in enumerate(ranked) if key in query["expect"]), None)
        outcome = (rank == 1, rank is not None and rank <= 5, 1.0 / rank if rank else 0.0)
        for group in ("all", f"kind:{query['kind']}", f"lang:{query['lang']}"):
            groups[group].append(outcome)
        if rank != 1:
            misses.append({**query, "rank": rank, "got": ranked[:3]})
    table = {
        group: {"n": len(rows), "recall@1": sum(r[0] for r in rows) / len(rows),
                "recall@5": sum(r[1] for r in rows) / len(rows), "mrr": sum(r[2] for r in rows) / len(rows)}
        for group, rows in groups.items()
    }
    return table, misses
