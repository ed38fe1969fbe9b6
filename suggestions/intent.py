"""Intent search: when an ordinary search's words match weakly (a paraphrase such as «клиент злится»), the
sentence model's reading of the query joins in, so the phrase that means it comes up. A query whose words
match well, a shortcut or a hotkey is left exactly as the word search ranked it. What the team picked for
searches and client messages like the query (suggestions/learning.py) pulls those phrases up there too, with
the bounds of suggestions. Registered with phrases.search by SuggestionsConfig.ready()."""

from phrases.search.index import Hit
from phrases.search.live_index import live_index
from suggestions.engine.encoder import load_encoder
from suggestions.engine.vectors import live_vectors
from suggestions.learning import learned_cache, pulls

WEAK_WORDS = 0.5      # the best word match below this: the words alone are not sure
WORD_WEIGHT = 0.5
MIN_MEANING = 0.3     # a phrase found by meaning alone must be at least this close
MIN_QUERY = 4         # characters: shorter queries are prefixes being typed
MIN_WORDS = 2         # a paraphrase says something; one word is looked up by its letters only
MEANING_CANDIDATES = 10
# When the model is sure (the closest phrase in meaning is at least SURE_MEANING close and SURE_MARGIN closer
# than the next), that phrase comes first, ahead of phrases that only share a word with the query. Fitted on
# half of the dev `intent` queries (split by a hash: 11 -> 12 of 17), checked on the other half (10 of 14, no
# change) and on 16 intent queries written for this check (14 -> 15); no other kind changes (README).
SURE_MEANING = 0.35
SURE_MARGIN = 0.05


def understand(query: str, hits: list[Hit], *, language, topic_ids, limit) -> list[Hit]:
    if hits and hits[0].match != "text":
        return hits
    if len(query.strip()) < MIN_QUERY or len(query.split()) < MIN_WORDS or (hits and hits[0].score >= WEAK_WORDS):
        return hits
    encoder = load_encoder()
    vectors = live_vectors.current() if encoder is not None else None
    if vectors is None or not len(vectors):
        return hits
    query_vector = encoder.encode_one(query)
    top_slots, top_similarities = vectors.nearest(query_vector, language, MEANING_CANDIDATES)
    if not len(top_slots):
        return hits
    scores = {hit.key: WORD_WEIGHT * hit.score for hit in hits}
    hit_slots = [(hit, vectors.slot_of.get(hit.key)) for hit in hits]
    hit_slots = [(hit, slot) for hit, slot in hit_slots if slot is not None]
    if hit_slots:
        for (hit, _slot), similarity in zip(hit_slots, vectors.similarity_to(query_vector, [s for _h, s in hit_slots])):
            scores[hit.key] += max(float(similarity), 0.0)
    by_key = {hit.key: hit for hit in hits}
    index = live_index.current()
    for slot, similarity in zip(top_slots.tolist(), top_similarities.tolist()):
        key = vectors.keys[slot]
        if key in by_key or similarity < MIN_MEANING:
            continue
        hit = _meaning_hit(index, key, topic_ids)
        if hit is not None:
            by_key[key], scores[key] = hit, float(similarity)
    if (len(top_similarities) > 1 and top_similarities[0] >= SURE_MEANING
            and top_similarities[0] - top_similarities[1] >= SURE_MARGIN):
        sure = vectors.keys[int(top_slots[0])]
        if sure in scores:
            scores[sure] = max(scores.values()) + 1e-4
    for key, pull in pulls(learned_cache.current(), query_vector).items():
        if key not in by_key:
            slot = vectors.slot_of.get(key)
            hit = _meaning_hit(index, key, topic_ids) if pull > 0 and slot is not None else None
            if hit is None or (language and hit.language != language):
                continue
            by_key[key] = hit
            scores[key] = max(float(vectors.similarity_to(query_vector, [slot])[0]), 0.0)
        scores[key] += pull
    ranked = sorted(scores, key=lambda key: (-scores[key], key))[:limit]
    return [_rescored(by_key[key], scores[key]) for key in ranked]


def _meaning_hit(index, key, topic_ids) -> Hit | None:
    """A live phrase found by meaning (or by the team's picks) rather than by the words, as a search hit."""
    position = index.slot_of(key)
    if position is None:
        return None
    document = index.document(position)
    if topic_ids is not None and document.topic_id not in topic_ids:
        return None
    return Hit(document.key, document.title, document.body, document.topic, document.language,
               document.shortcut or None, document.hotkey or None, 0.0,
               topic_name=document.topic_name or document.topic)


def _rescored(hit: Hit, score: float) -> Hit:
    from dataclasses import replace

    return replace(hit, score=round(min(max(score, 0.0), 1.0), 4))
