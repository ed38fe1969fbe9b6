"""The in-memory phrase index: a vocabulary with fuzzy lookup over an inverted index.

A query is read in up to three ways (as typed, in the other keyboard layout, and as
transliterated Russian). Each query word is matched against the vocabulary exactly, as a stem,
as a prefix being typed, and within one or two typos; every matched word brings its postings
(phrase slots, weighted by field and rarity). Slot scores are summed over query words with
numpy, and only the best few dozen phrases are re-ranked with rapidfuzz and usage. Documents are
added and removed one at a time, so approvals update the index without a rebuild.
"""
import math
import re
import threading
from array import array
from bisect import bisect_left, insort
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from phrases.search import highlight, hotkeys, keyboard
from phrases.search.normalize import CYRILLIC_RE, LATIN_RE, TOKEN_RE, fold, tokens
from phrases.search.stemming import stem
from phrases.search.transliteration import latin_skeleton, skeleton
from phrases.search.vocabulary import FormIndex

FIELD_WEIGHTS = {"title": 1.0, "keywords": 1.0, "body": 0.6}
EXACT, STEM, PREFIX, TYPO1, TYPO2 = 1.0, 0.92, 0.88, 0.8, 0.66
TRANSLIT, LAYOUT = 0.9, 0.97
RERANK_DEPTH = 40
SHORTCUT_SCORE = 2.0
HOTKEY_SCORE = 3.0
# A "/"-typed shortcut prefix ranks its completions before any text match, shortest first:
# each extra letter costs more than the language-preference and usage bonuses together.
SHORTCUT_PREFIX_SCORE = 1.9
SHORTCUT_LENGTH_STEP = 0.05
BARE_SHORTCUT_PREFIX_SCORE = 0.7  # without the slash: above body-only matches (≤ 0.69), below title matches
SHORTCUT_CHARS_RE = re.compile(r"^[a-z0-9-]+$")
USAGE_BONUS = 0.02
PREFERENCE_BONUS = 0.03          # the operator's first language; the others in preference order get less
TRANSLIT_OF_REAL_WORD = 0.85     # a Latin word found as typed, read as transliterated Russian
COVERAGE_FLOOR = 0.7             # a phrase matching 1 of 2 query words keeps 0.85 of its score
MAX_RANK_SCORE = 1.14  # a perfect word match plus the full re-rank and usage bonuses
PREFIX_LIMIT = 60
LAYOUT_KEYS = set("[];',.`{}:\"<>~")
MATCH_SHORTCUT, MATCH_HOTKEY, MATCH_TEXT = "shortcut", "hotkey", "text"


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
    topic_name: str = ""


def _no_highlights():
    return {"title": [], "body": []}


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
    topic_name: str = ""
    # [[start, end], …] spans in the original title and body of the words the query matched.
    highlights: dict = field(default_factory=_no_highlights)
    match: str = MATCH_TEXT  # what found it: "shortcut", "hotkey" or "text"

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "body": self.body, "topic": self.topic,
                "language": self.language, "shortcut": self.shortcut, "hotkey": self.hotkey,
                "score": self.score, "topic_name": self.topic_name, "highlights": self.highlights,
                "match": self.match}


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
        self.shortcuts: dict[str, list[int]] = {}        # shortcut without "/", lowercased → slots
        self._shortcuts_by_length: dict[int, list[str]] = {}  # sorted, for completing a typed prefix
        self.hotkeys: dict[str, list[int]] = {}          # canonical hotkey → slots
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
        self._scratch = np.zeros((2, 0), dtype=np.float32)
        self._positions = np.zeros(0, dtype=np.int32)
        self._alphabetical = None

    def __getstate__(self):
        """For the snapshot: everything but the lock and the per-process scratch buffers."""
        state = self.__dict__.copy()
        del state["lock"], state["_scratch"], state["_positions"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.RLock()
        self._scratch = np.zeros((2, 0), dtype=np.float32)
        self._positions = np.zeros(0, dtype=np.int32)

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
            self._alphabetical = None
            self.slot_tokens.append(tuple(token_ids))
            self.rerank_text.append(heading)
            self.slot_of[document.key] = slot
            code = self.languages.setdefault(document.language, len(self.languages))
            self.alive.set(slot, True)
            self.language_code.set(slot, code)
            self.topic.set(slot, document.topic_id)
            if document.shortcut:
                shortcut = _shortcut_key(document.shortcut)
                holders = self.shortcuts.setdefault(shortcut, [])
                if not holders:
                    insort(self._shortcuts_by_length.setdefault(len(shortcut), []), shortcut)
                holders.append(slot)
            if document.hotkey:
                self.hotkeys.setdefault(hotkeys.canonical(document.hotkey), []).append(slot)
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
            shortcut = _shortcut_key(document.shortcut)
            holders = self.shortcuts.get(shortcut, [])
            if slot in holders:
                holders.remove(slot)
            if not holders:
                self.shortcuts.pop(shortcut, None)
                same_length = self._shortcuts_by_length.get(len(shortcut), [])
                position = bisect_left(same_length, shortcut)
                if position < len(same_length) and same_length[position] == shortcut:
                    del same_length[position]
        if document.hotkey:
            holders = self.hotkeys.get(hotkeys.canonical(document.hotkey), [])
            if slot in holders:
                holders.remove(slot)
        self.documents[slot] = None
        self._alphabetical = None
        self.alive.set(slot, False)
        self.alive_count -= 1
        self.dead_count += 1

    def prepare(self) -> None:
        """Finish the lazy work of the lookups now (before a snapshot or a fork), not in a first query."""
        with self.lock:
            for forms in (self.forms, self.stems, self.translit):
                forms.prepare()
            self._alphabetical_slots()

    def needs_compaction(self) -> bool:
        return self.dead_count > 1000 and self.dead_count > self.alive_count // 4

    def live_documents(self):
        return [d for d in self.documents if d is not None]

    # -- querying: words ------------------------------------------------------------------------

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
        # A Latin word the library has as typed is more likely meant as typed than as transliteration.
        as_typed = bool(found)
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
            factor = TRANSLIT * (TRANSLIT_OF_REAL_WORD if as_typed else 1.0)
            for token_id, strength in translit.items():
                found[token_id] = max(found.get(token_id, 0.0), strength * factor)
        return found

    def _scratch_for(self, size):
        """Zeroed float32 buffers over all slots, reused by every query (under the lock), and a position
        buffer: only the entries a query touches are written, read and zeroed again, so no query pays for
        the size of the library."""
        if len(self._positions) < size:
            grown = max(size, len(self._positions) * 2)
            self._scratch = np.zeros((2, grown), dtype=np.float32)
            self._positions = np.zeros(grown, dtype=np.int32)
        return self._scratch

    def _unique(self, slots):
        """`slots` without repeats, in linear time: each slot's position is written to a buffer, and only
        the one occurrence whose position survived is kept (whichever it is)."""
        order = np.arange(len(slots), dtype=np.int32)
        self._positions[slots] = order
        return slots[self._positions[slots] == order]

    def _take(self, buffer, slots):
        """The values at `slots` (unique), zeroing them for the next query."""
        values = buffer[slots]
        buffer[slots] = 0.0
        return values

    def _score_words(self, words, language, allow_translit, matched_tokens):
        """(slots, summed scores, best possible total) over the phrases any query word matched.

        Work is proportional to the postings of the matched words, not to the library: each word's
        postings are merged (best match per phrase), then summed across words; a phrase that matches
        more of the query's words gains over one that matches a single word strongly."""
        best_buffer, total_buffer = self._scratch_for(len(self.documents))
        word_slots, word_scores = [], []
        best_possible = 0.0
        unmatched = math.log(1.0 + self.alive_count + 1)
        for position, word in enumerate(words):
            matches = self._match_word(word, position == len(words) - 1, language, allow_translit)
            slot_parts, score_parts = [], []
            top_idf = 0.0
            for token_id, strength in matches.items():
                if self.df[token_id] <= 0:
                    continue
                idf = self._idf(token_id)
                top_idf = max(top_idf, idf)
                slot_parts.append(np.frombuffer(self.postings_slots[token_id], dtype=np.int32))
                score_parts.append(np.frombuffer(self.postings_weights[token_id], dtype=np.float32)
                                   * np.float32(strength * idf))
                matched_tokens.add(token_id)
            best_possible += top_idf or unmatched
            if not slot_parts:
                continue
            if len(slot_parts) == 1:
                slots, scores = slot_parts[0], score_parts[0]
            else:  # the best of the word's matches per phrase (a token's postings hold a slot once)
                slots = np.concatenate(slot_parts)
                np.maximum.at(best_buffer, slots, np.concatenate(score_parts))
                slots = self._unique(slots)
                scores = self._take(best_buffer, slots)
            word_slots.append(slots)
            word_scores.append(scores)
        if not word_slots:
            return None, None, best_possible
        if len(word_slots) == 1:
            return word_slots[0], word_scores[0], best_possible
        # Sum over words, and count the words each phrase matched (in the other buffer).
        slots = np.concatenate(word_slots)
        np.add.at(total_buffer, slots, np.concatenate(word_scores))
        np.add.at(best_buffer, slots, np.float32(1.0))
        slots = self._unique(slots)
        total = self._take(total_buffer, slots)
        matched_words = self._take(best_buffer, slots)
        total *= COVERAGE_FLOOR + (1.0 - COVERAGE_FLOOR) * matched_words / len(words)
        return slots, total, best_possible

    def _allowed(self, slots, language_code, topic_array):
        """The slots among `slots` that are live and within the filters."""
        keep = self.alive.data[slots]
        if language_code is not None:
            keep &= self.language_code.data[slots] == language_code
        if topic_array is not None:
            keep &= np.isin(self.topic.data[slots], topic_array)
        return keep

    def _readings(self, query: str, language: str | None):
        """The query as typed and in the other keyboard layout: (words, factor, translit allowed)."""
        lowered = query.lower()
        readings = [(tokens(query), 1.0, language in (None, "ru"))]
        if (LATIN_RE.search(lowered) or LAYOUT_KEYS & set(lowered)) and language in (None, "ru"):
            readings.append((tokens(keyboard.latin_typed_as_russian(lowered)), LAYOUT, False))
        if CYRILLIC_RE.search(lowered) and language != "ru":
            readings.append((tokens(keyboard.russian_typed_as_latin(lowered)), LAYOUT, False))
        return [r for r in readings if r[0]]

    def _text_candidates(self, query, language, language_code, topic_array, matched_tokens):
        """(slots, normalised scores, the best-scoring reading) over every reading of the query."""
        merged_slots, merged_scores = [], []
        best_reading, best_top = None, 0.0
        for words, factor, allow_translit in self._readings(query, language):
            slots, scores, possible = self._score_words(words, language, allow_translit, matched_tokens)
            if slots is None or possible <= 0:
                continue
            keep = self._allowed(slots, language_code, topic_array)
            slots, scores = slots[keep], scores[keep] * np.float32(factor / possible)
            if not len(slots):
                continue
            top = float(scores.max())
            if top > best_top:
                best_top, best_reading = top, " ".join(words)
            merged_slots.append(slots)
            merged_scores.append(scores)
        if not merged_slots:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32), None
        if len(merged_slots) == 1:
            return merged_slots[0], merged_scores[0], best_reading
        scratch = self._scratch_for(len(self.documents))[0]
        slots = np.concatenate(merged_slots)
        np.maximum.at(scratch, slots, np.concatenate(merged_scores))
        slots = self._unique(slots)
        return slots, self._take(scratch, slots), best_reading

    # -- querying: shortcuts and hotkeys --------------------------------------------------------

    def _shortcut_queries(self, query: str):
        """(typed shortcut without "/", whether it was typed with the slash) for each keyboard layout."""
        typed = query.strip().lower()
        if not typed or " " in typed:
            return []
        readings = []
        if typed.startswith("/"):
            readings.append((typed[1:], True))
        else:
            readings.append((typed, False))
        if CYRILLIC_RE.search(typed) or typed.startswith("."):
            # On ЙЦУКЕН the "/" key types "." and the letters come out Cyrillic: ".рш" is "/hi".
            latin = keyboard.russian_typed_as_latin(typed)
            readings.append((latin[1:], True) if latin.startswith("/") else (latin, False))
        # A lone "/" lists the shortcuts, shortest first.
        return [(text, slash) for text, slash in readings if (text or slash) and (not text or SHORTCUT_CHARS_RE.match(text))]

    def _shortcut_completions(self, prefix: str, wanted: int, allowed):
        """Slots whose shortcut starts with `prefix`, shortest shortcut first, at most `wanted` allowed ones."""
        found = []
        for length in sorted(n for n in self._shortcuts_by_length if n >= len(prefix)):
            same_length = self._shortcuts_by_length[length]
            for position in range(bisect_left(same_length, prefix), len(same_length)):
                shortcut = same_length[position]
                if not shortcut.startswith(prefix):
                    break
                found.extend((length - len(prefix), slot) for slot in self.shortcuts.get(shortcut, ()) if allowed(slot))
            if len(found) >= wanted:
                break
        return found

    # -- querying -----------------------------------------------------------------------------

    def search(self, query: str, *, language=None, topic_ids=None, limit=10, prefer_languages=()) -> list[Hit]:
        with self.lock:
            size = len(self.documents)
            if size == 0:
                return []
            language_code = None
            if language:
                language_code = self.languages.get(language)
                if language_code is None:
                    return []
            topic_array = np.fromiter(topic_ids, dtype=np.int32) if topic_ids is not None else None
            topic_set = set(topic_ids) if topic_ids is not None else None
            alive, codes, topics = self.alive.data, self.language_code.data, self.topic.data

            def allowed(slot):
                return (bool(alive[slot]) and (language_code is None or codes[slot] == language_code)
                        and (topic_set is None or int(topics[slot]) in topic_set))

            most_used = max(self.usage.values(), default=0)
            preference = self._preference(None if language else prefer_languages)

            def bonus(slot, usage_weight=USAGE_BONUS):
                return (PREFERENCE_BONUS * preference.get(self.documents[slot].language, 0.0)
                        + usage_weight * self._usage_share(slot, most_used))

            results: dict[int, tuple[float, str]] = {}

            def offer(slot, score, match):
                if slot not in results or results[slot][0] < score:
                    results[slot] = (score, match)

            hotkey = hotkeys.parse(query)
            if hotkey:
                for name, slots in self.hotkeys.items():
                    if name == hotkey or (hotkey.endswith("+") and name.startswith(hotkey)):
                        for slot in slots:
                            if allowed(slot):
                                offer(slot, HOTKEY_SCORE - (0.0 if name == hotkey else 0.5) + bonus(slot),
                                      MATCH_HOTKEY)
                if results and not hotkey.endswith("+"):
                    # A whole hotkey names one phrase: its letters and digits are no text query.
                    return [self._hit(slot, score, match, set()) for slot, (score, match) in results.items()]
            for typed, slash in self._shortcut_queries(query):
                for slot in self.shortcuts.get(typed, ()):
                    if allowed(slot):
                        offer(slot, SHORTCUT_SCORE + bonus(slot), MATCH_SHORTCUT)
                if slash or len(typed) >= 2:
                    for extra, slot in self._shortcut_completions(typed, limit, allowed):
                        if extra == 0:
                            continue
                        if slash:
                            score = SHORTCUT_PREFIX_SCORE - SHORTCUT_LENGTH_STEP * min(extra, 12)
                            offer(slot, score + bonus(slot, usage_weight=0.015), MATCH_SHORTCUT)
                        else:  # a bare word that begins a shortcut: above body-only matches, below titles
                            score = BARE_SHORTCUT_PREFIX_SCORE - 0.005 * min(extra, 12)
                            offer(slot, score + bonus(slot), MATCH_SHORTCUT)

            matched_tokens: set[int] = set()
            slots, scores, best_reading = self._text_candidates(query, language, language_code, topic_array,
                                                                matched_tokens)
            if len(slots) > RERANK_DEPTH:
                best = np.argpartition(-scores, RERANK_DEPTH - 1)[:RERANK_DEPTH]
                slots, scores = slots[best], scores[best]
            for slot, base in zip(slots.tolist(), scores.tolist()):
                if base <= 0.05 or slot in results:
                    continue
                similarity = fuzz.token_set_ratio(best_reading, self.rerank_text[slot]) / 100.0 if best_reading else 0
                offer(slot, base + 0.12 * similarity * base + bonus(slot), MATCH_TEXT)
            ranked = sorted(results.items(), key=lambda item: (-item[1][0], self.documents[item[0]].key))[:limit]
            return [self._hit(slot, score, match, matched_tokens) for slot, (score, match) in ranked]

    @staticmethod
    def _preference(prefer_languages):
        """{language: weight 0..1}: the first preferred language weighs most."""
        ordered = list(dict.fromkeys(prefer_languages or ()))
        return {language: (len(ordered) - i) / len(ordered) for i, language in enumerate(ordered)}

    def _usage_share(self, slot, most_used):
        """0..1: how much the phrase is used, relative to the most used one (log scale)."""
        uses = self.usage.get(self.documents[slot].key, 0)
        return math.log1p(uses) / math.log1p(most_used) if most_used else 0.0

    def most_used(self, keys, *, language=None, topic_ids=None, limit=10, prefer_languages=()) -> list[Hit]:
        """Hits for `keys` in order (pinned, recent, usage), then the rest A–Z (preferred languages first),
        within the filters."""
        with self.lock:
            size = len(self.documents)
            if not size:
                return []
            mask = self.alive.data[:size].copy()
            if language:
                code = self.languages.get(language)
                if code is None:
                    return []
                mask &= self.language_code.data[:size] == code
            if topic_ids is not None:
                mask &= np.isin(self.topic.data[:size], list(topic_ids))
            chosen, seen = [], set()
            for key in keys:
                slot = self.slot_of.get(key)
                if slot is not None and mask[slot] and key not in seen:
                    seen.add(key)
                    chosen.append(slot)
                    if len(chosen) == limit:
                        break
            if len(chosen) < limit:
                alphabetical = self._alphabetical_slots()
                rest = alphabetical[mask[alphabetical]]
                preferred = [self.languages[code] for code in dict.fromkeys(prefer_languages or ())
                             if not language and code in self.languages]
                groups = [rest[self.language_code.data[rest] == code] for code in preferred] + [rest]
                for group in groups:
                    for slot in group[:limit + len(seen)].tolist():
                        if len(chosen) == limit:
                            break
                        if self.documents[slot].key not in seen:
                            seen.add(self.documents[slot].key)
                            chosen.append(slot)
            return [self._hit(int(slot), 0.0, MATCH_TEXT, set()) for slot in chosen]

    def _alphabetical_slots(self):
        """Live slots in key order, kept until the next change (the tail of an empty query's list)."""
        if self._alphabetical is None:
            self._alphabetical = np.array(sorted(self.slot_of.values(), key=lambda slot: self.documents[slot].key),
                                          dtype=np.int32)
        return self._alphabetical

    def _hit(self, slot, score, match, matched_tokens):
        d = self.documents[slot]
        matched = {self.token_text[t] for t in matched_tokens.intersection(self.slot_tokens[slot])}
        return Hit(d.key, d.title, d.body, d.topic, d.language, d.shortcut or None, d.hotkey or None,
                   round(min(score / MAX_RANK_SCORE, 1.0), 4), topic_name=d.topic_name or d.topic,
                   highlights={"title": highlight.spans(d.title, matched), "body": highlight.spans(d.body, matched)},
                   match=match)


def _shortcut_key(shortcut: str) -> str:
    return shortcut.lstrip("/").lower()
