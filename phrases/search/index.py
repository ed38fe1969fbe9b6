"""The in-memory phrase index: a vocabulary with fuzzy lookup over an inverted index.

A query is read in up to three ways (as typed, in the other keyboard layout, and as
transliterated Russian). Each query word is matched against the vocabulary exactly, as a stem,
as a prefix being typed, and within one or two typos; every matched word brings its postings
(phrase slots, weighted by field and rarity). Slot scores are summed over query words with
numpy, and only the best few dozen phrases are re-ranked with rapidfuzz and usage. Documents are
added and removed one at a time, so approvals update the index without a rebuild.
"""
import math
import threading
from array import array
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from phrases.search import keyboard
from phrases.search.normalize import CYRILLIC_RE, LATIN_RE, TOKEN_RE, fold, tokens
from phrases.search.stemming import stem
from phrases.search.transliteration import latin_skeleton, skeleton
from phrases.search.vocabulary import FormIndex

FIELD_WEIGHTS = {"title": 1.0, "keywords": 1.0, "body": 0.6}
EXACT, STEM, PREFIX, TYPO1, TYPO2 = 1.0, 0.92, 0.88, 0.8, 0.66
TRANSLIT, LAYOUT = 0.9, 0.97
RERANK_DEPTH = 40
SHORTCUT_SCORE = 2.0
MAX_RANK_SCORE = 1.14  # a perfect word match plus the full re-rank and usage bonuses
PREFIX_LIMIT = 60
LAYOUT_KEYS = set("[];',.`{}:\"<>~")


@dataclass(frozen=True)
class Document:
    """What the index knows of one live phrase."""

    key: str
    title: str
    body: str
    topic: str          # slug
    topic_id: int
    language: str
    shortcut: str
    hotkey: str
    keywords: tuple


@dataclass(frozen=True)
class Hit:
    key: str
    title: str
    body: str
    topic: str
    language: str
    shortcut: str | None
    hotkey: str | None
    score: float

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "body": self.body, "topic": self.topic,
                "language": self.language, "shortcut": self.shortcut, "hotkey": self.hotkey,
                "score": self.score}


class _Grow:
    """A numpy array that grows by doubling (slot attributes)."""

    def __init__(self, dtype, fill):
        self.data = np.full(1024, fill, dtype=dtype)
        self.fill = fill

    def set(self, index, value):
        if index >= len(self.data):
            grown = np.full(max(len(self.data) * 2, index + 1), self.fill, dtype=self.data.dtype)
            grown[:len(self.data)] = self.data
            self.data = grown
        self.data[index] = value


class PhraseIndex:
    def __init__(self):
        self.lock = threading.RLock()
        self.documents: list[Document | None] = []
        self.slot_of: dict[str, int] = {}
        self.slot_tokens: list[tuple] = []
        self.rerank_text: list[str] = []
        self.alive = _Grow(np.bool_, False)
        self.language_code = _Grow(np.int16, -1)
        self.topic = _Grow(np.int32, -1)
        self.languages: dict[str, int] = {}
        self.shortcuts: dict[str, list[int]] = {}
        self.token_id: dict[str, int] = {}
        self.token_text: list[str] = []
        self.postings_slots: list[array] = []
        self.postings_weights: list[array] = []
        self.df: list[int] = []
        self.forms = FormIndex()
        self.stems = FormIndex()
        self.translit = FormIndex()
        self.usage: dict[str, int] = {}
        self.alive_count = 0
        self.dead_count = 0

    # -- building ---------------------------------------------------------------------------

    def _new_token(self, text: str, language: str) -> int:
        """Give a word the index has not seen an id, postings and its lookup forms."""
        token_id = len(self.token_text)
        self.token_id[text] = token_id
        self.token_text.append(text)
        self.postings_slots.append(array("i"))
        self.postings_weights.append(array("f"))
        self.df.append(0)
        self.forms.add(text, token_id)
        if not text.isdigit():
            self.stems.add(stem(text, language), token_id)
            if CYRILLIC_RE.search(text):
                self.translit.add(skeleton(text), token_id)
        return token_id

    def add(self, document: Document) -> None:
        """Index a live phrase (replacing an earlier version with the same key)."""
        # Each field is folded once; a word takes the weight of the heaviest field it is in.
        heading = fold(document.title + " " + " ".join(document.keywords))
        weights = dict.fromkeys(TOKEN_RE.findall(fold(document.body)), FIELD_WEIGHTS["body"])
        weights.update(dict.fromkeys(TOKEN_RE.findall(heading), FIELD_WEIGHTS["title"]))
        with self.lock:
            if document.key in self.slot_of:
                self._remove_slot(self.slot_of[document.key])
            slot = len(self.documents)
            known = self.token_id.get
            slots, postings_weights, df = self.postings_slots, self.postings_weights, self.df
            token_ids = []
            for word, weight in weights.items():
                token = known(word)
                if token is None:
                    token = self._new_token(word, document.language)
                slots[token].append(slot)
                postings_weights[token].append(weight)
                df[token] += 1
                token_ids.append(token)
            self.documents.append(document)
            self.slot_tokens.append(tuple(token_ids))
            self.rerank_text.append(heading)
            self.slot_of[document.key] = slot
            code = self.languages.setdefault(document.language, len(self.languages))
            self.alive.set(slot, True)
            self.language_code.set(slot, code)
            self.topic.set(slot, document.topic_id)
            if document.shortcut:
                self.shortcuts.setdefault(document.shortcut.lstrip("/").lower(), []).append(slot)
            self.alive_count += 1

    def remove(self, key: str) -> None:
        with self.lock:
            slot = self.slot_of.pop(key, None)
            if slot is not None:
                self._remove_slot(slot, forget_key=False)

    def _remove_slot(self, slot: int, forget_key=True) -> None:
        document = self.documents[slot]
        if document is None:
            return
        if forget_key:
            self.slot_of.pop(document.key, None)
        for token_id in self.slot_tokens[slot]:
            self.df[token_id] -= 1
        if document.shortcut:
            holders = self.shortcuts.get(document.shortcut.lstrip("/").lower(), [])
            if slot in holders:
                holders.remove(slot)
        self.documents[slot] = None
        self.alive.set(slot, False)
        self.alive_count -= 1
        self.dead_count += 1

    def needs_compaction(self) -> bool:
        return self.dead_count > 1000 and self.dead_count > self.alive_count // 4

    def live_documents(self):
        return [d for d in self.documents if d is not None]

    # -- querying ---------------------------------------------------------------------------

    def _idf(self, token_id: int) -> float:
        return math.log(1.0 + (self.alive_count + 1) / (1.0 + self.df[token_id]))

    def _match_word(self, word: str, is_last: bool, language: str | None, allow_translit: bool):
        """{token_id: match strength} for one query word."""
        found: dict[int, float] = {}

        def take(ids, strength):
            for token_id in ids:
                if found.get(token_id, 0.0) < strength:
                    found[token_id] = strength

        take(self.forms.exact(word), EXACT)
        if word.isdigit():
            return found
        if len(word) >= 3:
            take(self.stems.exact(stem(word, language or "en")), STEM)
        if len(word) >= 3 or (is_last and len(word) >= 2):
            for form in self.forms.prefixed(word, PREFIX_LIMIT):
                # Shorter completions are likelier what is being typed.
                take(self.forms.exact(form), PREFIX * (0.85 + 0.15 * len(word) / len(form)))
        if not found and len(word) >= 4:
            for form, distance in self.forms.near(word, 1 if len(word) <= 6 else 2):
                take(self.forms.exact(form), TYPO1 if distance == 1 else TYPO2)
        if allow_translit and LATIN_RE.search(word) and len(word) >= 3:
            shape = latin_skeleton(word)
            translit = {}
            for token_id in self.translit.exact(shape):
                translit[token_id] = EXACT
            if is_last or len(shape) >= 4:
                for form in self.translit.prefixed(shape, PREFIX_LIMIT):
                    for token_id in self.translit.exact(form):
                        translit.setdefault(token_id, PREFIX * (0.85 + 0.15 * len(shape) / len(form)))
            if not translit and len(shape) >= 4:
                for form, distance in self.translit.near(shape, 1 if len(shape) <= 6 else 2):
                    for token_id in self.translit.exact(form):
                        translit.setdefault(token_id, TYPO1 if distance == 1 else TYPO2)
            for token_id, strength in translit.items():
                found[token_id] = max(found.get(token_id, 0.0), strength * TRANSLIT)
        return found

    def _score_words(self, words, size, language, allow_translit):
        """Summed slot scores for the query words, and the best possible total."""
        total = np.zeros(size, dtype=np.float32)
        best_possible = 0.0
        for position, word in enumerate(words):
            matches = self._match_word(word, position == len(words) - 1, language, allow_translit)
            if not matches:
                best_possible += math.log(1.0 + self.alive_count + 1)
                continue
            per_word = np.zeros(size, dtype=np.float32)
            top_idf = 0.0
            for token_id, strength in matches.items():
                if self.df[token_id] <= 0:
                    continue
                idf = self._idf(token_id)
                top_idf = max(top_idf, idf)
                slots = np.frombuffer(self.postings_slots[token_id], dtype=np.int32)
                weights = np.frombuffer(self.postings_weights[token_id], dtype=np.float32)
                # A token's postings hold each slot once, so plain fancy indexing is safe here.
                per_word[slots] = np.maximum(per_word[slots], weights * (strength * idf))
            best_possible += top_idf or math.log(1.0 + self.alive_count + 1)
            total += per_word
        return total, best_possible

    def _filter_mask(self, size, language, topic_ids):
        mask = self.alive.data[:size].copy()
        if language:
            code = self.languages.get(language)
            if code is None:
                return None
            mask &= self.language_code.data[:size] == code
        if topic_ids is not None:
            mask &= np.isin(self.topic.data[:size], list(topic_ids))
        return mask

    def _readings(self, query: str, language: str | None):
        """The query as typed and in the other keyboard layout: (words, factor, translit allowed)."""
        lowered = query.lower()
        readings = [(tokens(query), 1.0, language in (None, "ru"))]
        if (LATIN_RE.search(lowered) or LAYOUT_KEYS & set(lowered)) and language in (None, "ru"):
            readings.append((tokens(keyboard.latin_typed_as_russian(lowered)), LAYOUT, False))
        if CYRILLIC_RE.search(lowered) and language != "ru":
            readings.append((tokens(keyboard.russian_typed_as_latin(lowered)), LAYOUT, False))
        return [r for r in readings if r[0]]

    def _shortcut_slots(self, query: str):
        typed = query.strip().lower()
        candidates = {typed.lstrip("/")}
        if CYRILLIC_RE.search(typed) or typed.startswith("."):
            candidates.add(keyboard.russian_typed_as_latin(typed).lstrip("/"))
        slots = []
        for candidate in candidates:
            slots.extend(self.shortcuts.get(candidate, ()))
        return slots

    def search(self, query: str, *, language=None, topic_ids=None, limit=10) -> list[Hit]:
        with self.lock:
            size = len(self.documents)
            if size == 0:
                return []
            mask = self._filter_mask(size, language, topic_ids)
            if mask is None or not mask.any():
                return []
            most_used = max(self.usage.values(), default=0)
            results: dict[int, float] = {}
            for slot in self._shortcut_slots(query):
                if slot < size and mask[slot]:
                    results[slot] = SHORTCUT_SCORE + 0.02 * self._usage_share(slot, most_used)
            best_scores = np.zeros(size, dtype=np.float32)
            best_reading = None
            best_top = 0.0
            for words, factor, allow_translit in self._readings(query, language):
                scores, possible = self._score_words(words, size, language, allow_translit)
                if possible <= 0:
                    continue
                scores *= factor / possible
                scores[~mask] = 0.0
                top = float(scores.max())
                if top > best_top:
                    best_top, best_reading = top, " ".join(words)
                np.maximum(best_scores, scores, out=best_scores)
            depth = min(RERANK_DEPTH, size)
            candidates = np.argpartition(-best_scores, depth - 1)[:depth]
            for slot in candidates:
                base = float(best_scores[slot])
                if base <= 0.05 or slot in results:
                    continue
                document = self.documents[slot]
                similarity = fuzz.token_set_ratio(best_reading, self.rerank_text[slot]) / 100.0 if best_reading else 0
                results[int(slot)] = base + 0.12 * similarity * base + 0.02 * self._usage_share(slot, most_used)
            ranked = sorted(results.items(), key=lambda item: (-item[1], self.documents[item[0]].key))[:limit]
            return [self._hit(slot, score) for slot, score in ranked]

    def _usage_share(self, slot, most_used):
        """0..1: how much the phrase is used, relative to the most used one (log scale)."""
        uses = self.usage.get(self.documents[slot].key, 0)
        return math.log1p(uses) / math.log1p(most_used) if most_used else 0.0

    def most_used(self, keys, *, language=None, topic_ids=None, limit=10) -> list[Hit]:
        """Hits for `keys` in order (usage order), then the rest alphabetically, within the filters."""
        with self.lock:
            size = len(self.documents)
            mask = self._filter_mask(size, language, topic_ids) if size else None
            if mask is None:
                return []
            chosen, seen = [], set()
            for key in keys:
                slot = self.slot_of.get(key)
                if slot is not None and mask[slot] and key not in seen:
                    seen.add(key)
                    chosen.append(slot)
                    if len(chosen) == limit:
                        break
            if len(chosen) < limit:
                rest = sorted((self.documents[s].key, s) for s in np.flatnonzero(mask)
                              if self.documents[s].key not in seen)
                chosen.extend(s for _, s in rest[:limit - len(chosen)])
            return [self._hit(int(slot), 0.0) for slot in chosen]

    def _hit(self, slot, score):
        d = self.documents[slot]
        return Hit(d.key, d.title, d.body, d.topic, d.language, d.shortcut or None, d.hotkey or None,
                   round(min(score / MAX_RANK_SCORE, 1.0), 4))
