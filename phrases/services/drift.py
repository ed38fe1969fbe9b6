"""Variants that never drift apart: "may be outdated" marks on a family's other variants.

When a variant's live title or body changes (an approval, an import), every other working copy
of its family gets a `DriftMark` with the change that caused it; a later change of the same
variant widens the mark (first "before", latest "after"). A phrase's own publish clears its
marks (the writer updated it and a reviewer approved), and so does a reviewer's "still right".
Only the actions (`phrases.services.actions`) call these functions.
"""
from collections.abc import Sequence

from phrases.models import DriftMark, LivePhrase, Phrase, PhraseStatus
from phrases.services.live import chunks

DRIFT_FIELDS = ("title", "body")


def live_texts(phrases: Sequence[Phrase]) -> dict[int, dict]:
    """{pk: {"title", "body"}} of the live texts of the family members among `phrases`, read
    before they are published."""
    pks = [p.pk for p in phrases if p.family and p.pk]
    texts = {}
    for part in chunks(pks):
        for pk, title, body in LivePhrase.objects.filter(phrase_id__in=part).values_list("phrase_id", "title", "body"):
            texts[pk] = {"title": title, "body": body}
    return texts


def mark_family(published: Sequence[Phrase], before: dict[int, dict]) -> list[DriftMark]:
    """Mark the other variants of each published phrase whose live title or body changed."""
    published_pks = {p.pk for p in published}
    marks = []
    for phrase in published:
        old = before.get(phrase.pk)
        if not phrase.family or old is None:
            continue  # a family's first live text changes nothing that others said
        changes = {field: [old[field], getattr(phrase, field)] for field in DRIFT_FIELDS
                   if old[field] != getattr(phrase, field)}
        if not changes:
            continue
        others = (Phrase.objects.filter(family=phrase.family).exclude(pk__in=published_pks)
                  .exclude(status=PhraseStatus.ARCHIVED))
        for other in others:
            mark = DriftMark.objects.filter(phrase=other, source=phrase).first()
            if mark is None:
                mark = DriftMark(phrase=other, source=phrase, changes=changes)
            else:  # widen: the text as it was when the mark was made, to the text now
                merged = dict(mark.changes)
                for field in DRIFT_FIELDS:
                    first = merged.get(field, [old[field]])[0]
                    if first != getattr(phrase, field):
                        merged[field] = [first, getattr(phrase, field)]
                    else:
                        merged.pop(field, None)
                mark.changes = merged
            mark.source_version = phrase.live.version
            if mark.changes:
                mark.save()
                marks.append(mark)
            elif mark.pk:
                mark.delete()  # changed back to what it said: nothing to check any more
    return marks


def clear(phrases: Sequence[Phrase]) -> int:
    """Remove the marks on these phrases; returns how many."""
    pks = [p.pk for p in phrases if p.pk]
    removed = 0
    for part in chunks(pks):
        removed += DriftMark.objects.filter(phrase_id__in=part).delete()[0]
    return removed
