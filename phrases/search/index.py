"""The in-memory phrase index: a vocabulary with fuzzy lookup over an inverted index.

A query is read in up to three ways (as typed, in the other keyboard layout, and as
transliterated Russian). Each query word is matched against the vocabulary exactly, as a stem,
as a prefix being typed, and within one or two typos; every matched word brings its postings
(phrase slots, weighted by field and rarity). Slot scores are summed over query words with
numpy, and only the best few dozen phrases are re-ranked with rapidfuzz and usage. Documents are
added and removed one at a time, so approvals update the index without a rebuild.
"""
import gc
import heapq
import math
import pickle
import re
import threading
from array import array
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from phrases.search import highlight, hotkeys, keyboard
from phrases.search.normalize import CYRILLIC_RE, LATIN_RE, TOKEN_RE, fold, tokens
from phrases.search.segment import BODY_FIELD, TITLE_FIELD, Segment, SegmentBuilder, run_positions
from phrases.search.stemming import stem
from phrases.search.transliteration import latin_skeleton, skeleton
from phrases.search.vocabulary import FormIndex

# What a word weighs by the field it is in (indexed by segment.BODY_FIELD / TITLE_FIELD; keywords count as title).
FIELD_WEIGHT = np.array([0.6, 1.0], dtype=np.float32)
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
    family: str = ""    # the language family: the same reply in other languages shares it


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
    family: str = ""
    # The family's other live languages, the operator's preferred first: ({"key", "language", "title",
    # "body", "shortcut", "hotkey"}, …), so a picker can switch the variant before copying.
    variants: tuple = ()

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "body": self.body, "topic": self.topic,
                "language": self.language, "shortcut": self.shortcut, "hotkey": self.hotkey,
                "score": self.score, "topic_name": self.topic_name, "highlights": self.highlights,
                "match": self.match, "family": self.family or None, "variants": list(self.variants)}


@dataclass(frozen=True)
class ScoredHit:
    """What `search(..., lazy=True)` returns: a hit's key, score and match, and `hit()` to build the full Hit
    (texts, highlights, variants) only for the few a caller shows: suggestions weigh 40 and show 3."""
    key: str
    score: float
    match: str
    _build: object = field(repr=False, compare=False)

    def hit(self) -> "Hit":
        return self._build()


class _Grow:
    """A numpy array that grows by doubling (slot and word attributes private to a process)."""

    def __init__(self, dtype, fill, initial=None):
        self.fill = fill
        if initial is None:
            self.data = np.full(1024, fill, dtype=dtype)
        else:
            self.data = np.full(max(1024, len(initial) + len(initial) // 8), fill, dtype=dtype)
            self.data[:len(initial)] = initial

    def set(self, index, value):
        if index >= len(self.data):
            grown = np.full(max(len(self.data) * 2, index + 1), self.fill, dtype=self.data.dtype)
            grown[:len(self.data)] = self.data
            self.data = grown
        self.data[index] = value


def _fields(document: Document):
    """(heading, {word: field}): each field is folded once; a word takes the heaviest field it is in."""
    heading = fold(document.title + " " + " ".join(document.keywords))
    fields = dict.fromkeys(TOKEN_RE.findall(fold(document.body)), BODY_FIELD)
    fields.update(dict.fromkeys(TOKEN_RE.findall(heading), TITLE_FIELD))
    return heading, fields


class PhraseIndex:
    """A frozen segment (flat arrays, built once) plus the phrases approved since, kept in Python.

    Slots 0…segment.size-1 are the segment's; later slots are added one approval at a time, and a
    replaced or removed phrase's slot is marked dead. The vocabulary (a few tens of thousands of words
    and their lookup forms, whatever the library's size) stays in Python objects. The per-slot filters
    (alive, language, topic) and the document frequencies are small arrays each process may change.
    """

    def __init__(self, segment: Segment | None = None, vocabulary: dict | None = None):
        self.lock = threading.RLock()
        self.token_id: dict[str, int] = {}
        self.token_text: list[str] = []
        self.forms = FormIndex()
        self.stems = FormIndex(typos=False)
        self.translit = FormIndex()
        self.languages: dict[str, int] = {}
        self.shortcuts: dict[str, list[int]] = {}        # shortcut without "/", lowercased → slots
        self._shortcuts_by_length: dict[int, list[str]] = {}  # sorted, for completing a typed prefix
        self.hotkeys: dict[str, list[int]] = {}          # canonical hotkey → slots
        self.family_ids: dict[str, int] = {}             # language family → its id
        self.family_slots: list[list[int]] = []          # family id → the live slots of its variants
        if vocabulary:
            self.__dict__.update(vocabulary)
        self.segment = segment if segment is not None else SegmentBuilder().finish(len(self.token_text))
        base = self.segment.size
        self.alive = _Grow(np.bool_, False, np.ones(base, dtype=np.bool_))
        self.language_code = _Grow(np.int16, -1, self.segment.language)
        self.topic = _Grow(np.int32, -1, self.segment.topic)
        self.family = _Grow(np.int32, -1, self.segment.family)
        self.df = _Grow(np.int32, 0, self.segment.df)
        self.size = base                      # slots in use
        self.added: list[tuple] = []          # (Document, heading, token ids) of slots base, base+1, …
        self.added_slot_of: dict[str, int] = {}
        self.added_postings: dict[int, tuple[array, array]] = {}  # token → (slots, fields) among added slots
        self.usage: dict[str, int] = {}
        self.alive_count = base
        self.dead_count = 0
        self._scratch = np.zeros((2, 0), dtype=np.float32)
        self._positions = np.zeros(0, dtype=np.int32)
        self._added_alphabetical = None

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(cls, documents) -> "PhraseIndex":
        """An index of `documents` (a later one with the same key replaces an earlier one)."""
        documents = list({document.key: document for document in documents}.values())
        index = cls()
        builder = SegmentBuilder()
        for slot, document in enumerate(documents):
            heading, fields = _fields(document)
            token_fields = []
            for word, field_ in fields.items():
                token = index.token_id.get(word)
                if token is None:
                    token = index._new_token(word, document.language)
                token_fields.append((token, field_))
            code = index.languages.setdefault(document.language, len(index.languages))
            builder.add(document, heading, code, token_fields, index._family_id(document.family))
            index._register_triggers(document, slot)
        for forms in (index.forms, index.stems, index.translit):
            forms.prepare()
        return cls(builder.finish(len(index.token_text)), index.vocabulary())

    def vocabulary(self) -> dict:
        """The Python part saved beside the segment's arrays."""
        return {name: getattr(self, name) for name in (
            "token_id", "token_text", "forms", "stems", "translit", "languages", "shortcuts",
            "_shortcuts_by_length", "hotkeys", "family_ids", "family_slots")}

    def save(self, directory: Path) -> None:
        """Write the index to an empty folder: the segment's arrays and the pickled vocabulary. Only an index
        without phrases added since its build is saved (build one from the database to save it)."""
        if self.added or self.dead_count:
            raise ValueError("only a freshly built index can be saved")
        self.segment.save(directory)
        with (directory / "vocabulary.pickle").open("wb") as handle:
            pickle.dump(self.vocabulary(), handle, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, directory: Path, *, mmap=True) -> "PhraseIndex":
        gc.disable()  # many small objects: the collector would run hundreds of times while unpickling
        try:
            with (directory / "vocabulary.pickle").open("rb") as handle:
                vocabulary = pickle.load(handle)
        finally:
            gc.enable()
        return cls(Segment.load(directory, mmap=mmap), vocabulary)

    def _new_token(self, text: str, language: str) -> int:
        """Give a word the index has not seen an id and its lookup forms."""
        token_id = len(self.token_text)
        self.token_id[text] = token_id
        self.token_text.append(text)
        self.forms.add(text, token_id)
        if not text.isdigit():
            self.stems.add(stem(text, language), token_id)
            if CYRILLIC_RE.search(text):
                self.translit.add(skeleton(text), token_id)
        return token_id

    def _family_id(self, family: str) -> int:
        """The id of a language family (a new one for a family not seen yet); -1 for none."""
        if not family:
            return -1
        family_id = self.family_ids.get(family)
        if family_id is None:
            family_id = self.family_ids[family] = len(self.family_slots)
            self.family_slots.append([])
        return family_id

    def _register_triggers(self, document, slot):
        """Index what finds a phrase besides its words (shortcut, hotkey) and its family's variants."""
        if document.family:
            self.family_slots[self._family_id(document.family)].append(slot)
        if document.shortcut:
            shortcut = _shortcut_key(document.shortcut)
            holders = self.shortcuts.setdefault(shortcut, [])
            if not holders:
                insort(self._shortcuts_by_length.setdefault(len(shortcut), []), shortcut)
            holders.append(slot)
        if document.hotkey:
            self.hotkeys.setdefault(hotkeys.canonical(document.hotkey), []).append(slot)

    def add(self, document: Document) -> None:
        """Index a live phrase approved since the build (replacing an earlier version with the same key)."""
        heading, fields = _fields(document)
        with self.lock:
            old = self.slot_of(document.key)
            if old is not None:
                self._remove_slot(old)
            slot = self.size
            token_ids = []
            for word, field_ in fields.items():
                token = self.token_id.get(word)
                if token is None:
                    token = self._new_token(word, document.language)
                    self.df.set(token, 0)
                postings = self.added_postings.get(token)
                if postings is None:
                    postings = self.added_postings[token] = (array("i"), array("B"))
                postings[0].append(slot)
                postings[1].append(field_)
                self.df.data[token] += 1
                token_ids.append(token)
            self.added.append((document, heading, tuple(token_ids)))
            self.added_slot_of[document.key] = slot
            self.size += 1
            self._added_alphabetical = None
            code = self.languages.setdefault(document.language, len(self.languages))
            self.alive.set(slot, True)
            self.language_code.set(slot, code)
            self.topic.set(slot, document.topic_id)
            self.family.set(slot, self._family_id(document.family))
            self._register_triggers(document, slot)
            self.alive_count += 1

    def remove(self, key: str) -> None:
        with self.lock:
            slot = self.slot_of(key)
            if slot is not None:
                self._remove_slot(slot)

    def slot_of(self, key: str) -> int | None:
        """The live slot of `key`, or None."""
        slot = self.added_slot_of.get(key)
        if slot is None:
            slot = self.segment.slot_of(key)
        return slot if slot is not None and self.alive.data[slot] else None

    def _remove_slot(self, slot: int) -> None:
        document = self.document(slot)
        self.added_slot_of.pop(document.key, None)
        np.subtract.at(self.df.data, np.asarray(self._slot_tokens(slot), dtype=np.int64), 1)
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
        family_id = int(self.family.data[slot])
        if family_id >= 0 and slot in self.family_slots[family_id]:
            self.family_slots[family_id].remove(slot)
        self.alive.set(slot, False)
        self._added_alphabetical = None
        self.alive_count -= 1
        self.dead_count += 1

    def prepare(self) -> None:
        """Finish the lazy work of the lookups now (before a snapshot or a fork), not in a first query."""
        with self.lock:
            for forms in (self.forms, self.stems, self.translit):
                forms.prepare()

    def needs_compaction(self) -> bool:
        """Many phrases approved or removed since the build: a rebuild would share them again."""
        changed = len(self.added) + self.dead_count
        return changed > 1000 and changed > self.segment.size // 4

    # -- reading one phrase -------------------------------------------------------------------

    def document(self, slot: int) -> Document:
        if slot < self.segment.size:
            return Document(*self.segment.record(slot))
        return self.added[slot - self.segment.size][0]

    def _key(self, slot: int) -> str:
        """The phrase's key alone (cheaper than its whole record: ties and usage need only this)."""
        if slot < self.segment.size:
            return self.segment.key(slot)
        return self.added[slot - self.segment.size][0].key

    def _heading(self, slot: int) -> str:
        if slot < self.segment.size:
            return self.segment.heading_of(slot)
        return self.added[slot - self.segment.size][1]

    def _slot_tokens(self, slot: int):
        if slot < self.segment.size:
            return self.segment.tokens(slot)
        return self.added[slot - self.segment.size][2]

    def live_keys(self) -> list[str]:
        """The keys of every live phrase (segment and overlay), in slot order."""
        slots = np.flatnonzero(self.alive.data[:self.size]).tolist()
        return [self._key(slot) for slot in slots]

    def _gather(self, token_ids, weights):
        """(slots, scores) of every posting of `token_ids`, each scored its token's weight × its field's."""
        segment = self.segment
        in_segment = token_ids < segment.vocabulary_size
        ids = token_ids[in_segment]
        starts = segment.post_ptr[ids]
        lengths = segment.post_ptr[ids + 1] - starts
        index = run_positions(starts, lengths)  # the postings rows of all the tokens
        # Slots as the platform's index type: numpy converts any other index array on every use.
        slots = segment.post_slot[index].astype(np.intp)
        scores = FIELD_WEIGHT[segment.post_field[index]] * np.repeat(weights[in_segment], lengths)
        if self.added_postings:
            extra_slots, extra_scores = [slots], [scores]
            for token, weight in zip(token_ids.tolist(), weights.tolist()):
                added = self.added_postings.get(token)
                if added is not None:
                    extra_slots.append(np.frombuffer(added[0], dtype=np.int32).astype(np.intp))
                    extra_scores.append(FIELD_WEIGHT[np.frombuffer(added[1], dtype=np.uint8)] * np.float32(weight))
            if len(extra_slots) > 1:
                slots, scores = np.concatenate(extra_slots), np.concatenate(extra_scores)
        return slots, scores

    # -- querying: words ------------------------------------------------------------------------

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

    def _collect(self, slots, *buffers):
        """(`slots` without repeats, then the values each buffer holds at them), zeroing those entries.

        A few matches are de-duplicated where they are (random access to a few entries); when they are
        many (a short prefix can match a good part of the library), sequential passes over the buffers
        are faster: find the written entries (through a boolean mask: numpy finds the non-zero entries of
        a boolean array several times faster than of a float one), read them, zero the used range in one
        go. Either way every entry the query wrote is zeroed again."""
        if len(slots) * 8 <= self.size:
            slots = self._unique(slots)
            return (slots, *(self._take(buffer, slots) for buffer in buffers))
        slots = np.flatnonzero(buffers[0][:self.size] != 0)
        values = tuple(buffer[slots] for buffer in buffers)
        for buffer in buffers:
            buffer[:self.size] = 0.0
        return (slots, *values)

    def _word_postings(self, word, is_last, language, allow_translit):
        """(slots, scores, best idf, matched token ids) of one query word, or None when no phrase has it:
        the best of the word's matches per phrase. A word typed as a prefix can match dozens of vocabulary
        words: their postings are gathered in one go."""
        matches = self._match_word(word, is_last, language, allow_translit)
        token_ids = np.fromiter(matches.keys(), dtype=np.int64, count=len(matches))
        token_df = self.df.data[token_ids]
        found = token_df > 0
        if not found.any():
            return None
        token_ids, token_df = token_ids[found], token_df[found]
        idf = np.log(1.0 + (self.alive_count + 1) / (1.0 + token_df))
        strength = np.fromiter(matches.values(), dtype=np.float64, count=len(matches))[found]
        slots, scores = self._gather(token_ids, (strength * idf).astype(np.float32))
        if len(token_ids) > 1:  # a token's postings hold a slot once, several tokens' may not
            best_buffer = self._scratch_for(self.size)[0]
            np.maximum.at(best_buffer, slots, scores)
            slots, scores = self._collect(slots, best_buffer)
        return slots, scores, float(idf.max()), token_ids.tolist()

    def _score_words(self, words, language, allow_translit, matched_tokens, seen):
        """(slots, summed scores, best possible total) over the phrases any query word matched.

        Work is proportional to the postings of the matched words, not to the library: each word's
        postings are merged (best match per phrase), then summed across words; a phrase that matches
        more of the query's words gains over one that matches a single word strongly. `seen` keeps each
        word's postings for the query's other readings (a layout reading repeats the words it leaves)."""
        word_slots, word_scores = [], []
        best_possible = 0.0
        unmatched = math.log(1.0 + self.alive_count + 1)
        for position, word in enumerate(words):
            is_last = position == len(words) - 1
            key = (word, is_last, allow_translit and bool(LATIN_RE.search(word)))
            if key not in seen:
                seen[key] = self._word_postings(word, is_last, language, allow_translit)
            postings = seen[key]
            if postings is None:
                best_possible += unmatched
                continue
            slots, scores, best_idf, token_ids = postings
            best_possible += best_idf
            matched_tokens.update(token_ids)
            word_slots.append(slots)
            word_scores.append(scores)
        if not word_slots:
            return None, None, best_possible
        if len(word_slots) == 1:
            return word_slots[0], word_scores[0], best_possible
        # Sum over words, and count the words each phrase matched (in the other buffer).
        total_buffer, count_buffer = self._scratch_for(self.size)
        slots = np.concatenate(word_slots)
        np.add.at(total_buffer, slots, np.concatenate(word_scores))
        np.add.at(count_buffer, slots, np.float32(1.0))
        slots, total, matched_words = self._collect(slots, total_buffer, count_buffer)
        total *= COVERAGE_FLOOR + (1.0 - COVERAGE_FLOOR) * matched_words / len(words)
        return slots, total, best_possible

    def _filters(self, language, topic_ids):
        """(language code or None, topic ids as an array and as a set, or None) for the filters; None when
        the language has no phrase here (nothing can match)."""
        code = None
        if language:
            code = self.languages.get(language)
            if code is None:
                return None
        if topic_ids is None:
            return code, None, None
        return code, np.fromiter(topic_ids, dtype=np.int32), set(topic_ids)

    def _allowed(self, slots, language_code, topic_array):
        """The slots among `slots` that are live and within the filters."""
        keep = self.alive.data[slots]
        if language_code is not None:
            keep &= self.language_code.data[slots] == language_code
        if topic_array is not None:
            keep &= np.isin(self.topic.data[slots], topic_array)
        return keep

    def _allows(self, slot, language_code, topic_set):
        """_allowed for one slot (without building arrays: shortcut completion asks slot by slot)."""
        return (bool(self.alive.data[slot]) and (language_code is None or self.language_code.data[slot] == language_code)
                and (topic_set is None or int(self.topic.data[slot]) in topic_set))

    def _readings(self, query: str, language: str | None):
        """The query as typed and in the other keyboard layout: (words, factor, translit allowed)."""
        lowered = query.lower()
        readings = [(tokens(query), 1.0, language in (None, "ru"))]
        if (LATIN_RE.search(lowered) or LAYOUT_KEYS & set(lowered)) and language in (None, "ru"):
            readings.append((tokens(keyboard.latin_typed_as_russian(lowered)), LAYOUT, False))
        if CYRILLIC_RE.search(lowered) and language != "ru":
            readings.append((tokens(keyboard.russian_typed_as_latin(lowered)), LAYOUT, False))
        return [r for r in readings if r[0]]

    @staticmethod
    def _top(slots, scores, count=RERANK_DEPTH):
        """The `count` best-scoring of (slots, scores), in no particular order."""
        if len(slots) <= count:
            return slots, scores
        best = np.argpartition(-scores, count - 1)[:count]
        return slots[best], scores[best]

    def _text_candidates(self, query, language, language_code, topic_array, matched_tokens):
        """(slots, normalised scores, the best-scoring reading): the RERANK_DEPTH best text matches over
        every reading of the query.

        Readings merge by their best score per phrase, so the best of the merge are among the best of each
        reading: each reading is cut to its own best before merging, and the merge stays small."""
        merged_slots, merged_scores = [], []
        best_reading, best_top = None, 0.0
        seen = {}
        for words, factor, allow_translit in self._readings(query, language):
            slots, scores, possible = self._score_words(words, language, allow_translit, matched_tokens, seen)
            if slots is None or possible <= 0:
                continue
            keep = self._allowed(slots, language_code, topic_array)
            slots, scores = slots[keep], scores[keep] * np.float32(factor / possible)
            if not len(slots):
                continue
            top = float(scores.max())
            if top > best_top:
                best_top, best_reading = top, " ".join(words)
            slots, scores = self._top(slots, scores)
            merged_slots.append(slots)
            merged_scores.append(scores)
        if not merged_slots:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32), None
        if len(merged_slots) == 1:
            return merged_slots[0], merged_scores[0], best_reading
        scratch = self._scratch_for(self.size)[0]
        slots = np.concatenate(merged_slots)
        np.maximum.at(scratch, slots, np.concatenate(merged_scores))
        slots, scores = self._collect(slots, scratch)
        return (*self._top(slots, scores), best_reading)

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

    def search(self, query: str, *, language=None, topic_ids=None, limit=10, prefer_languages=(),
               lazy=False) -> list[Hit]:
        """The best `limit` hits for `query`; with `lazy`, ScoredHit objects instead (same keys, scores and
        matches, the full Hit built on demand)."""
        with self.lock:
            filters = self._filters(language, topic_ids) if self.alive_count else None
            if filters is None:
                return []
            language_code, topic_array, topic_set = filters

            def allowed(slot):
                return self._allows(slot, language_code, topic_set)

            preference = self._code_preference(None if language else prefer_languages)
            # {slot: (score before the language and usage bonuses, match, usage weight)}
            results: dict[int, tuple[float, str, float]] = {}

            def offer(slot, score, match, usage_weight=USAGE_BONUS):
                if slot not in results or results[slot][0] < score:
                    results[slot] = (score, match, usage_weight)

            hotkey = hotkeys.parse(query)
            if hotkey:
                for name, slots in self.hotkeys.items():
                    if name == hotkey or (hotkey.endswith("+") and name.startswith(hotkey)):
                        for slot in slots:
                            if allowed(slot):
                                offer(slot, HOTKEY_SCORE - (0.0 if name == hotkey else 0.5), MATCH_HOTKEY)
                if results and not hotkey.endswith("+"):
                    # A whole hotkey names one phrase (or one family): its letters and digits are no text query.
                    return self._hits(self._best(self._settle(results, preference), limit), set(), preference,
                                      lazy)
            # Variants of a family share their shortcut: ask for enough completions to fill `limit` families.
            wanted = limit * max(1, len(self.languages)) if self.family_ids else limit
            for typed, slash in self._shortcut_queries(query):
                for slot in self.shortcuts.get(typed, ()):
                    if allowed(slot):
                        offer(slot, SHORTCUT_SCORE, MATCH_SHORTCUT)
                if slash or len(typed) >= 2:
                    for extra, slot in self._shortcut_completions(typed, wanted, allowed):
                        if extra == 0:
                            continue
                        if slash:
                            score = SHORTCUT_PREFIX_SCORE - SHORTCUT_LENGTH_STEP * min(extra, 12)
                            offer(slot, score, MATCH_SHORTCUT, usage_weight=0.015)
                        else:  # a bare word that begins a shortcut: above body-only matches, below titles
                            score = BARE_SHORTCUT_PREFIX_SCORE - 0.005 * min(extra, 12)
                            offer(slot, score, MATCH_SHORTCUT)

            matched_tokens: set[int] = set()
            slots, scores, best_reading = self._text_candidates(query, language, language_code, topic_array,
                                                                matched_tokens)
            for slot, base in zip(slots.tolist(), scores.tolist()):
                if base <= 0.05 or slot in results:
                    continue
                similarity = fuzz.token_set_ratio(best_reading, self._heading(slot)) / 100.0 if best_reading else 0
                offer(slot, base + 0.12 * similarity * base, MATCH_TEXT)
            return self._hits(self._best(self._settle(results, preference), limit), matched_tokens, preference,
                              lazy)

    def _hits(self, best, matched_tokens, preference, lazy):
        if not lazy:
            return [self._hit(slot, score, match, matched_tokens, self.document(slot), preference)
                    for slot, (score, match) in best]
        return [ScoredHit(self._key(slot), self._hit_score(score), match,
                          partial(self._lazy_hit, slot, score, match, matched_tokens, preference))
                for slot, (score, match) in best]

    def _lazy_hit(self, slot, score, match, matched_tokens, preference):
        with self.lock:
            return self._hit(slot, score, match, matched_tokens, self.document(slot), preference)

    @staticmethod
    def _hit_score(score):
        return round(min(score / MAX_RANK_SCORE, 1.0), 4)

    def _settle(self, results, preference):
        """{slot: (final score, match)} from {slot: (score, match, usage weight)}: the language and usage
        bonuses added, and each language family once.

        A family shows as the variant the query found best, the operator's language bonus deciding between
        variants it found (nearly) alike: a shortcut, hotkey or keyword they share, words in no language in
        particular. Usage counts for the family as a whole, so using one variant never promotes its language."""
        codes, families = self.language_code.data, self.family.data
        most_used = max(self.usage.values(), default=0)
        settled, grouped = {}, {}

        def scored(slot):
            return results[slot][0] + PREFERENCE_BONUS * preference.get(int(codes[slot]), 0.0)

        for slot, entry in results.items():
            family_id = int(families[slot])
            if family_id < 0:
                share = self._usage_share(self._key(slot), most_used) if most_used else 0.0
                settled[slot] = (scored(slot) + entry[2] * share, entry[1])
            else:
                grouped.setdefault(family_id, []).append(slot)
        for family_id, slots in grouped.items():
            slot = min(slots, key=lambda s: (-scored(s), self._key(s))) if len(slots) > 1 else slots[0]
            share = self._family_usage_share(family_id, most_used) if most_used else 0.0
            settled[slot] = (scored(slot) + results[slot][2] * share, results[slot][1])
        return settled

    def _code_preference(self, prefer_languages):
        """{language code of this index: weight 0..1} for the operator's languages, first preferred."""
        return {self.languages[code]: weight for code, weight in self._preference(prefer_languages).items()
                if code in self.languages}

    def _family_usage_share(self, family_id, most_used):
        """0..1: how much a family is used, all its variants together, relative to the most used phrase."""
        uses = sum(self.usage.get(self._key(slot), 0) for slot in self.family_slots[family_id])
        return min(1.0, math.log1p(uses) / math.log1p(most_used)) if most_used else 0.0

    def _best(self, results, limit):
        """The `limit` best of {slot: (score, match)}, equal scores in key order (keys read only for the
        scores that tie among the best few and at the cut)."""
        by_score = sorted(results.items(), key=lambda item: -item[1][0])
        cut = limit
        while 0 < cut < len(by_score) and by_score[cut][1][0] == by_score[limit - 1][1][0]:
            cut += 1
        best = by_score[:cut]
        scores = [score for _, (score, _) in best]
        tied = {score for score in scores if scores.count(score) > 1}
        if not tied:
            return best[:limit]
        return sorted(best, key=lambda item: (-item[1][0], self._key(item[0]) if item[1][0] in tied else ""))[:limit]

    @staticmethod
    def _preference(prefer_languages):
        """{language: weight 0..1}: the first preferred language weighs most."""
        ordered = list(dict.fromkeys(prefer_languages or ()))
        return {language: (len(ordered) - i) / len(ordered) for i, language in enumerate(ordered)}

    def _usage_share(self, key, most_used):
        """0..1: how much the phrase is used, relative to the most used one (log scale)."""
        return math.log1p(self.usage.get(key, 0)) / math.log1p(most_used) if most_used else 0.0

    def most_used(self, keys, *, language=None, topic_ids=None, limit=10, prefer_languages=()) -> list[Hit]:
        """Hits for `keys` in order (pinned, recent, usage), then the rest A–Z (preferred languages first),
        within the filters."""
        with self.lock:
            filters = self._filters(language, topic_ids) if self.alive_count else None
            if filters is None:
                return []
            code, topic_array, topic_set = filters
            order = [c for c in dict.fromkeys(prefer_languages or ()) if not language and c in self.languages]
            preference = self._code_preference(order)
            families = self.family.data
            chosen, seen = [], set()   # seen: keys, and ("family", id) of the families shown

            def take(slot):
                """Show `slot`, or for a family its variant in the operator's language: usage, recency and
                pins rank families, the language order picks the variant."""
                family_id = int(families[slot])
                if family_id >= 0:
                    if ("family", family_id) in seen:
                        return
                    seen.add(("family", family_id))
                    slot = self._representative(family_id, slot, code, topic_set, preference)
                seen.add(self._key(slot))
                chosen.append(slot)

            for key in keys:
                if key in seen:
                    continue
                slot = self.slot_of(key)
                if slot is not None and self._allows(slot, code, topic_set):
                    take(slot)
                    if len(chosen) == limit:
                        break
            spread = max(1, len(self.languages)) if self.family_ids else 1  # variants skipped on the way
            for group in [self.languages[c] for c in order] + [code]:
                budget = (limit + len(seen)) * spread
                for key, slot in self._alphabetical(group, topic_array, topic_set):
                    if len(chosen) == limit or not budget:
                        break
                    budget -= 1
                    if key not in seen:
                        take(slot)
            return [self._hit(slot, 0.0, MATCH_TEXT, set(), self.document(slot), preference) for slot in chosen]

    def _representative(self, family_id, slot, code, topic_set, preference):
        """The variant of a family to show for `slot`: the one in the operator's most preferred language among
        those within the filters (`slot` itself when no preferred language has one)."""
        best, best_weight = slot, preference.get(int(self.language_code.data[slot]), 0.0)
        for member in self.family_slots[family_id]:
            weight = preference.get(int(self.language_code.data[member]), 0.0)
            if weight > best_weight and self._allows(member, code, topic_set):
                best, best_weight = member, weight
        return best

    def family_of(self, key) -> str:
        """The language family of live phrase `key` ("" for none or an unknown key)."""
        with self.lock:
            slot = self.slot_of(key)
            family_id = -1 if slot is None else int(self.family.data[slot])
            return self.document(slot).family if family_id >= 0 else ""

    def variants(self, key, prefer_languages=()) -> list[dict]:
        """The other live variants of `key`'s family ([] when it has none), the operator's languages first."""
        with self.lock:
            slot = self.slot_of(key)
            if slot is None:
                return []
            return list(self._variants(slot, self._code_preference(prefer_languages)))

    def _variants(self, slot, preference):
        family_id = int(self.family.data[slot])
        if family_id < 0:
            return ()
        members = [member for member in self.family_slots[family_id] if member != slot and self.alive.data[member]]
        if not members:
            return ()
        codes = self.language_code.data
        members.sort(key=lambda member: -preference.get(int(codes[member]), 0.0))  # stable: slot order otherwise
        documents = [self.document(member) for member in members]
        return tuple({"key": d.key, "language": d.language, "title": d.title, "body": d.body,
                      "shortcut": d.shortcut or None, "hotkey": d.hotkey or None} for d in documents)

    def _alphabetical(self, code, topic_array, topic_set, chunk=2048):
        """(key, slot) of the live slots within the filters, in key order: the segment's A–Z order is read a
        chunk at a time (an empty query needs only its first few), merged with the phrases added since."""
        def built():
            order = self.segment.alphabetical
            for start in range(0, len(order), chunk):
                slots = np.asarray(order[start:start + chunk])
                for slot in slots[self._allowed(slots, code, topic_array)].tolist():
                    yield self.segment.key(slot), slot

        if self._added_alphabetical is None:
            base = self.segment.size
            self._added_alphabetical = sorted((document.key, base + offset)
                                              for offset, (document, _, _) in enumerate(self.added))
        added = [(key, slot) for key, slot in self._added_alphabetical
                 if self._allows(slot, code, topic_set)]
        return heapq.merge(built(), added)

    def _hit(self, slot, score, match, matched_tokens, d, preference=None):
        words = set()
        if matched_tokens:
            words = {self.token_text[t] for t in matched_tokens.intersection(np.asarray(self._slot_tokens(slot)).tolist())}
        return Hit(d.key, d.title, d.body, d.topic, d.language, d.shortcut or None, d.hotkey or None,
                   self._hit_score(score), topic_name=d.topic_name or d.topic,
                   highlights={"title": highlight.spans(d.title, words), "body": highlight.spans(d.body, words)},
                   match=match, family=d.family, variants=self._variants(slot, preference or {}) if d.family else ())


def _shortcut_key(shortcut: str) -> str:
    return shortcut.lstrip("/").lower()
