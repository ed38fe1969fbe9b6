"""Reads for suggestions: what to suggest for a client's message, what was learned for a phrase, and the
replies the library is missing."""
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phrases.search.index import Document
from phrases.search.live_index import live_index
from suggestions import ranking
from suggestions.engine.encoder import load_encoder, model_status
from suggestions.engine.language import detect_language
from suggestions.engine.vectors import live_vectors
from suggestions.errors import SuggestInputError
from suggestions.learning import learned_cache
from suggestions.out_of_scope import out_of_scope_similarity


def validate_message(message, field="message") -> str:
    if not isinstance(message, str):
        raise SuggestInputError(_("The message must be text."), field)
    if not message.strip():
        raise SuggestInputError(_("The message is empty."), field)
    if len(message) > ranking.MAX_MESSAGE_LENGTH:
        raise SuggestInputError(_("The message is %(length)d characters long; at most %(limit)d are allowed.")
                                % {"length": len(message), "limit": ranking.MAX_MESSAGE_LENGTH}, field)
    if "\x00" in message:
        raise SuggestInputError(_("The message contains a NUL character."), field)
    return message


def validate_language(language, *, required=False) -> str | None:
    if language in (None, "") and not required:
        return None
    if not isinstance(language, str) or language not in settings.QUICKPHRASES_LANGUAGES:
        raise SuggestInputError(_("Unknown language; use one of %(languages)s.")
                                % {"languages": ", ".join(settings.QUICKPHRASES_LANGUAGES)}, "language")
    return language


def validate_limit(limit) -> int:
    if limit is None:
        return ranking.DEFAULT_LIMIT
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= ranking.MAX_LIMIT:
        raise SuggestInputError(_("The limit must be a whole number from 1 to %(max)d.") % {"max": ranking.MAX_LIMIT},
                                "limit")
    return limit


def message_language(message: str, language: str | None, prefer_languages=()) -> str:
    """The given language, else the one the message is written in, else the user's first phrase language."""
    if language:
        return language
    allowed = tuple(settings.QUICKPHRASES_LANGUAGES)
    detected = detect_language(message, allowed)
    if detected:
        return detected
    for code in prefer_languages or ():
        if code in allowed:
            return code
    return allowed[0]


@dataclass
class Candidate:
    key: str
    meaning: float = 0.0
    words: float = 0.0
    learned: float = 0.0
    learned_count: int = 0
    learned_similarity: float = 0.0
    dismissed: float = 0.0
    scored: object = None   # the word search's ScoredHit, if the words found it

    @property
    def hit(self):
        """The word search's full hit (texts, highlights), built on first use; None if words did not find it."""
        if self.scored is None:
            return None
        if "_hit" not in self.__dict__:
            self._hit = self.scored.hit()
        return self._hit

    @property
    def score(self) -> float:
        return self.meaning + ranking.WORD_WEIGHT * self.words + self.learned - self.dismissed


SHORT_WORD = 3  # words this short ("и", "is", "za") explain nothing
COMMON_WORDS = frozenset("""the and you your was are for with this that have what что это как для вас вам ваш
при уже все всё nie jest się dla jak czy""".split())


def _matched_words(hit) -> list[str]:
    """The message's words found in the phrase, one per stem (its first four letters), at most three."""
    words, stems = [], set()
    for field in ("title", "body"):
        text = getattr(hit, field)
        for start, end in hit.highlights.get(field, ()):
            word = text[start:end].lower()
            if len(word) <= SHORT_WORD or word in COMMON_WORDS or word[:4] in stems:
                continue
            stems.add(word[:4])
            words.append(word)
    return words[:3]


def _why(candidate: Candidate, with_model: bool) -> str:
    reasons = []
    if candidate.hit is not None and candidate.words > 0:
        words = _matched_words(candidate.hit)
        if words:
            reasons.append(_("words: %(words)s") % {"words": ", ".join(f"«{w}»" for w in words)})
    if with_model and candidate.meaning >= ranking.MEANING_WORD:
        reasons.append(_("similar meaning"))
    if candidate.learned > 0:
        reasons.append(ngettext("picked for a similar message", "picked for similar messages %(count)d times",
                                candidate.learned_count) % {"count": candidate.learned_count})
    if not reasons:
        reasons.append(_("close in meaning") if with_model else _("shares some words"))
    return "; ".join(reasons)


def _document_hit(index, key):
    slot = index.slot_of(key)
    if slot is None:
        return None
    return index.document(slot)


def suggest_replies(message, *, language=None, limit=None, prefer_languages=()) -> tuple[str, list[dict]]:
    """(language, suggestions) for a client's message: up to `limit` live phrases in that language that
    answer it, best first, each a search hit plus `score` (0…1) and `why`; an empty list when nothing fits
    well. Raises SuggestInputError naming the field for bad input."""
    message = validate_message(message)
    language = message_language(message, validate_language(language), prefer_languages)
    limit = validate_limit(limit)
    index = live_index.current()
    candidates, with_model, out_of_scope = rank_message(index, message, language)
    ranked = sorted(candidates.values(), key=lambda c: (-c.score, c.key))
    if with_model and not fits_in_meaning(candidates.values(), out_of_scope):
        ranked = []
    ranked = [c for c in ranked if c.score >= (ranking.THRESHOLD if with_model else ranking.WORDS_ONLY_THRESHOLD)]
    if ranked:
        best = ranked[0].score
        ranked = [c for c in ranked if c.score >= best - ranking.RELATIVE_CUT][:limit]
    results = []
    for candidate in ranked:
        document = candidate.hit or _document_hit(index, candidate.key)
        if document is None:  # withdrawn since the vectors were read
            continue
        results.append(_as_hit(document, candidate, with_model))
    return language, results


def fits_in_meaning(candidates, out_of_scope: float = -1.0) -> bool:
    """Whether some phrase means roughly what the message means: the abstention test. The closest phrase's
    meaning must reach ranking.MEANING_THRESHOLD and must not be far below the message's closeness to the
    nearest out-of-scope example (`out_of_scope`, suggestions/out_of_scope.py; at most
    ranking.OUT_OF_SCOPE_MARGIN below it); or the team picked a phrase for a message at least
    ranking.LEARN_SURE close and closer than that example. Shared words alone are no evidence, and neither
    is a pick for a message only loosely like this one: the learned pull is added to the ranking, not to this test, so replayed picks do
    not make off-topic messages suggestible."""
    candidates = list(candidates)
    # A pick is a message too: it speaks for the library only if it is closer than the nearest out-of-scope
    # example (both are similarities between two messages).
    if any(c.learned > 0 and c.learned_similarity >= max(ranking.LEARN_SURE, out_of_scope) for c in candidates):
        return True
    best = max((c.meaning for c in candidates), default=0.0)
    return best >= ranking.MEANING_THRESHOLD and best >= out_of_scope - ranking.OUT_OF_SCOPE_MARGIN


def rank_candidates(index, message: str, language: str) -> tuple[dict, bool]:
    """Every phrase worth considering for the message, with what speaks for it: ({key: Candidate}, whether
    the sentence model took part)."""
    candidates, with_model, _out_of_scope = rank_message(index, message, language)
    return candidates, with_model


def rank_message(index, message: str, language: str) -> tuple[dict, bool, float]:
    """rank_candidates() plus the message's closeness to the nearest out-of-scope example (-1.0 without the
    sentence model)."""
    candidates: dict[str, Candidate] = {}
    # Lazy hits: the texts, highlights and variants of a hit are built only for the few suggestions shown.
    for scored in index.search(message[:ranking.WORD_QUERY_LENGTH], language=language, limit=ranking.CANDIDATES,
                               lazy=True):
        if scored.match == "text":
            candidates[scored.key] = Candidate(scored.key, words=min(scored.score, 1.0), scored=scored)
    encoder = load_encoder()
    vectors = live_vectors.current() if encoder is not None else None
    if vectors is None:
        return candidates, False, -1.0
    query = encoder.encode_one(message)
    _add_meaning(candidates, vectors, query, language)
    _add_learning(candidates, query, vectors, language)
    return candidates, True, out_of_scope_similarity(encoder, query)


def _add_meaning(candidates, vectors, query, language):
    slots, similarities = vectors.nearest(query, language, ranking.CANDIDATES)
    for slot, similarity in zip(slots.tolist(), similarities.tolist()):
        key = vectors.keys[slot]
        candidates.setdefault(key, Candidate(key)).meaning = similarity
    # word hits outside the top by meaning still get their meaning
    others = [(candidate, vectors.slot_of.get(candidate.key)) for candidate in candidates.values()
              if candidate.meaning == 0.0]
    others = [(candidate, slot) for candidate, slot in others if slot is not None]
    if others:
        for (candidate, _slot), similarity in zip(others, vectors.similarity_to(query, [slot for _c, slot in others])):
            candidate.meaning = float(similarity)


def _add_learning(candidates, query, vectors, language):
    learned = learned_cache.current()
    if len(learned.pick_keys):
        similarities = learned.pick_vectors @ query
        gains = ranking.LEARN_WEIGHT * learned.pick_strength * np.maximum(0.0, similarities - ranking.LEARN_FLOOR)
        for i in np.flatnonzero(gains > 0).tolist():
            key = learned.pick_keys[i]
            slot = vectors.slot_of.get(key)
            if key not in candidates and slot is not None and vectors.languages[slot] == language:
                candidates[key] = Candidate(key, meaning=float(vectors.similarity_to(query, [slot])[0]))
            candidate = candidates.get(key)
            if candidate is not None:
                candidate.learned = float(gains[i])
                candidate.learned_similarity = float(similarities[i])
                candidate.learned_count = int(learned.pick_counts[i])
    if len(learned.dismiss_keys):
        losses = ranking.DISMISS_WEIGHT * learned.dismiss_strength * np.maximum(
            0.0, learned.dismiss_vectors @ query - ranking.DISMISS_FLOOR)
        for i in np.flatnonzero(losses > 0).tolist():
            candidate = candidates.get(learned.dismiss_keys[i])
            if candidate is not None:
                candidate.dismissed = float(losses[i])


def _as_hit(document, candidate, with_model) -> dict:
    if isinstance(document, Document):
        hit = {"key": document.key, "title": document.title, "body": document.body, "topic": document.topic,
               "language": document.language, "shortcut": document.shortcut or None,
               "hotkey": document.hotkey or None, "topic_name": document.topic_name or document.topic,
               "highlights": {"title": [], "body": []}, "match": "text"}
    else:
        hit = document.as_dict()
    hit["score"] = round(max(0.0, min(1.0, candidate.score)), 4)
    hit["why"] = _why(candidate, with_model)
    return hit


def suggestions_status() -> dict:
    """For /health/ and the log: whether suggestions understand meaning or work on words alone."""
    status = model_status()
    return {**status, "vectors": live_vectors.state}


GAP_SIMILARITY = 0.5   # two unanswered messages closer than this in meaning are one need
GAP_EXAMPLES = 3


def missing_replies(*, min_count: int = 2, limit: int = 20) -> list[dict]:
    """Recurring client messages and searches that ended with no pick (nothing used, or only dismissals),
    grouped by meaning within a language, most frequent first: [{"language", "count", "searches" (how many of
    them were searches), "examples" (masked), "topic" (a guess: the topic of the closest live phrase, or None)}].
    Only groups seen `min_count` times."""
    from suggestions.models import SuggestionFeedback

    rows = list(SuggestionFeedback.objects.filter(chosen_key="").order_by("id")
                .values_list("language", "message", "vector", "source"))
    groups = []
    by_language: dict[str, list] = {}
    for language, message, vector, source in rows:
        by_language.setdefault(language, []).append((message, np.frombuffer(bytes(vector), dtype=np.float32)
                                                     if vector else None, source == SuggestionFeedback.Source.SEARCH))
    for language, items in by_language.items():
        clusters = []  # [sum vector or None, normalised text, messages, searches among them]
        for message, vector, searched in items:
            text = " ".join(message.lower().split())
            for cluster in clusters:
                if vector is not None and cluster[0] is not None:
                    centre = cluster[0] / np.linalg.norm(cluster[0])
                    if float(centre @ vector) >= GAP_SIMILARITY:
                        cluster[0] = cluster[0] + vector
                        cluster[2].append(message)
                        cluster[3] += searched
                        break
                elif cluster[1] == text:
                    cluster[2].append(message)
                    cluster[3] += searched
                    break
            else:
                clusters.append([None if vector is None else vector.copy(), text, [message], int(searched)])
        for centre, _text, messages, searches in clusters:
            if len(messages) >= min_count:
                groups.append({"language": language, "count": len(messages), "searches": searches,
                               "examples": list(dict.fromkeys(messages))[:GAP_EXAMPLES],
                               "topic": _guess_topic(centre, language)})
    groups.sort(key=lambda group: (-group["count"], group["language"], group["examples"][0]))
    return groups[:limit]


def _guess_topic(centre, language):
    if centre is None:
        return None
    vectors = live_vectors.current()
    if vectors is None or not len(vectors):
        return None
    slots, _similarities = vectors.nearest((centre / np.linalg.norm(centre)).astype(np.float32), language, 1)
    if not len(slots):
        return None
    document = _document_hit(live_index.current(), vectors.keys[int(slots[0])])
    return document.topic if document else None


def learned_for_phrase(key: str) -> dict:
    """What picks and dismissals taught about phrase `key`, for a reviewer: counts, operators, the strength of
    the learned pull (0…1), the last reset, and the latest masked messages it was picked or dismissed for."""
    from suggestions.learning import TEAM_QUORUM
    from suggestions.models import LearningReset, SuggestionFeedback

    reset = LearningReset.objects.filter(key=key).first()
    picks = SuggestionFeedback.objects.filter(chosen_key=key)
    recent = SuggestionFeedback.objects.all()
    if reset:
        picks, recent = picks.filter(created_at__gte=reset.reset_at), recent.filter(created_at__gte=reset.reset_at)
    learned = learned_cache.current()
    strength = 0.0
    if key in learned.pick_keys:
        strength = float(learned.pick_strength[learned.pick_keys.index(key)])
    # JSON containment differs between SQLite and PostgreSQL: the recent rows are read and filtered here.
    dismissed_rows = [row for row in recent.values("message", "language", "created_at", "dismissed_keys")[:5000]
                      if key in (row["dismissed_keys"] or ())]
    return {"key": key, "picks": picks.count(), "operators": picks.exclude(user=None).values("user").distinct().count(),
            "dismissals": len(dismissed_rows), "strength": strength, "quorum": TEAM_QUORUM,
            "reset_at": reset.reset_at if reset else None,
            "recent_picks": list(picks.values("message", "language", "created_at")[:10]),
            "recent_dismissals": dismissed_rows[:10]}


def most_learned(limit: int = 10) -> list[dict]:
    """The phrases picked most often from suggestions and searches (for a reviewer to inspect)."""
    from django.db.models import Count

    from suggestions.models import SuggestionFeedback

    rows = (SuggestionFeedback.objects.exclude(chosen_key="").values("chosen_key")
            .annotate(picks=Count("id")).order_by("-picks", "chosen_key")[:limit])
    return [{"key": row["chosen_key"], "picks": row["picks"]} for row in rows]
