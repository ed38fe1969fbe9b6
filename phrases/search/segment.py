"""The bulk of the search index as flat numpy arrays: no Python object per phrase or per posting.

A segment holds, for the phrases it was built from (slots 0…size-1):
- the postings of every vocabulary word, compressed-row style: the slots of token t are
  `post_slot[post_ptr[t]:post_ptr[t + 1]]`, and `post_field` says whether the word is in the title or
  keywords (1) or only in the body (0);
- each phrase's words (`doc_token`, rows by `doc_ptr`), for highlighting and for forgetting a phrase;
- each phrase's stored text (key, title, body, topic, … as one UTF-8 record in `text`, rows by `text_ptr`)
  and its folded title and keywords for re-ranking (`heading`, rows by `heading_ptr`);
- its language code, topic id and language family id (-1: none), the hashes of the keys (sorted, for a key's slot), the slots in key
  order (the empty query's A–Z tail) and the document frequency of every word.

A segment never changes once built. The snapshot is these arrays as .npy files, which a server maps
into memory read-only: the operating system keeps one copy in its page cache for every worker, and since
a query only reads raw buffers, no reference count or garbage collector ever copies a page into a worker.
"""
import hashlib
from array import array
from pathlib import Path

import numpy as np

TITLE_FIELD, BODY_FIELD = 1, 0
SEPARATOR, KEYWORD_SEPARATOR = "\x00", "\x1f"
ARRAYS = ("post_ptr", "post_slot", "post_field", "doc_ptr", "doc_token", "text_ptr", "text", "heading_ptr",
          "heading", "language", "topic", "family", "key_hash", "key_slot", "alphabetical", "df")


def key_hash(key: str) -> np.uint64:
    """A stable 64-bit hash of a phrase key (the same in every process, unlike hash())."""
    return np.uint64(int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little"))


def _clean(text: str, separator=SEPARATOR) -> str:
    return text.replace(separator, " ") if separator in text else text


def encode_record(document) -> bytes:
    """One phrase's stored text: its fields joined by NUL (never in a field: validation refuses it)."""
    keywords = KEYWORD_SEPARATOR.join(_clean(_clean(k), KEYWORD_SEPARATOR) for k in document.keywords)
    fields = (document.key, document.title, document.body, document.topic, str(document.topic_id),
              document.language, document.shortcut or "", document.hotkey or "", keywords,
              document.topic_name or "", document.family or "")
    return SEPARATOR.join(_clean(field) for field in fields).encode()


def decode_record(data: bytes) -> tuple:
    """The fields of a Document from encode_record's bytes."""
    key, title, body, topic, topic_id, language, shortcut, hotkey, keywords, topic_name, family = (
        data.decode().split(SEPARATOR))
    return (key, title, body, topic, int(topic_id), language, shortcut, hotkey,
            tuple(keywords.split(KEYWORD_SEPARATOR)) if keywords else (), topic_name, family)


def run_positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions of several runs of a flat array as one index array (each run's start + offset)."""
    return np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)


class SegmentBuilder:
    """Collects phrases one by one (in slot order), then turns them into a Segment."""

    def __init__(self):
        self.doc_token = array("i")
        self.doc_field = array("B")
        self.doc_ptr = array("q", [0])
        self.text = bytearray()
        self.text_ptr = array("q", [0])
        self.heading = bytearray()
        self.heading_ptr = array("q", [0])
        self.language = array("b")
        self.topic = array("i")
        self.family = array("i")
        self.keys: list[str] = []

    def add(self, document, heading, language_code, token_fields, family_code=-1):
        """`token_fields`: (token id, TITLE_FIELD or BODY_FIELD) for each distinct word of the phrase;
        `family_code`: the id of its language family, -1 for none."""
        for token, field in token_fields:
            self.doc_token.append(token)
            self.doc_field.append(field)
        self.doc_ptr.append(len(self.doc_token))
        self.text += encode_record(document)
        self.text_ptr.append(len(self.text))
        self.heading += heading.encode()
        self.heading_ptr.append(len(self.heading))
        self.language.append(language_code)
        self.topic.append(document.topic_id)
        self.family.append(family_code)
        self.keys.append(document.key)

    def finish(self, vocabulary_size: int) -> "Segment":
        size = len(self.keys)
        tokens = np.frombuffer(self.doc_token, dtype=np.int32) if self.doc_token else np.zeros(0, np.int32)
        fields = np.frombuffer(self.doc_field, dtype=np.uint8) if self.doc_field else np.zeros(0, np.uint8)
        doc_ptr = np.frombuffer(self.doc_ptr, dtype=np.int64).copy()
        owners = np.repeat(np.arange(size, dtype=np.int32), np.diff(doc_ptr))
        order = np.argsort(tokens, kind="stable")  # within a word, slots stay ascending
        df = np.bincount(tokens, minlength=vocabulary_size).astype(np.int32)
        post_ptr = np.zeros(vocabulary_size + 1, dtype=np.int64)
        np.cumsum(df, out=post_ptr[1:])
        hashes = np.fromiter((key_hash(key) for key in self.keys), dtype=np.uint64, count=size)
        by_hash = np.argsort(hashes, kind="stable")
        arrays = {
            "post_ptr": post_ptr, "post_slot": owners[order], "post_field": fields[order],
            "doc_ptr": doc_ptr, "doc_token": tokens.copy(),
            "text_ptr": np.frombuffer(self.text_ptr, dtype=np.int64).copy(),
            "text": np.frombuffer(bytes(self.text), dtype=np.uint8),
            "heading_ptr": np.frombuffer(self.heading_ptr, dtype=np.int64).copy(),
            "heading": np.frombuffer(bytes(self.heading), dtype=np.uint8),
            "language": np.frombuffer(self.language, dtype=np.int8).copy() if size else np.zeros(0, np.int8),
            "topic": np.frombuffer(self.topic, dtype=np.int32).copy() if size else np.zeros(0, np.int32),
            "family": np.frombuffer(self.family, dtype=np.int32).copy() if size else np.zeros(0, np.int32),
            "key_hash": hashes[by_hash], "key_slot": by_hash.astype(np.int32),
            "alphabetical": np.array(sorted(range(size), key=self.keys.__getitem__), dtype=np.int32),
            "df": df,
        }
        return Segment(arrays)


class Segment:
    def __init__(self, arrays: dict):
        for name in ARRAYS:
            setattr(self, name, arrays[name])
        self.size = len(self.text_ptr) - 1
        self.vocabulary_size = len(self.post_ptr) - 1

    def postings(self, token_id: int):
        """(slots, fields) of a word of this segment's vocabulary."""
        start, end = self.post_ptr[token_id], self.post_ptr[token_id + 1]
        return self.post_slot[start:end], self.post_field[start:end]

    def tokens(self, slot: int):
        return self.doc_token[self.doc_ptr[slot]:self.doc_ptr[slot + 1]]

    def record(self, slot: int):
        return decode_record(bytes(self.text[self.text_ptr[slot]:self.text_ptr[slot + 1]]))

    def heading_of(self, slot: int) -> str:
        """The folded title and keywords, for re-ranking."""
        return bytes(self.heading[self.heading_ptr[slot]:self.heading_ptr[slot + 1]]).decode()

    def key(self, slot: int) -> str:
        data = bytes(self.text[self.text_ptr[slot]:self.text_ptr[slot + 1]])
        return data[:data.index(b"\x00")].decode()

    def slot_of(self, key: str) -> int | None:
        """The slot built for `key` (whether or not it is still alive), or None."""
        wanted = key_hash(key)
        position = int(np.searchsorted(self.key_hash, wanted))
        if position < len(self.key_hash) and self.key_hash[position] == wanted:
            slot = int(self.key_slot[position])
            if self.key(slot) == key:
                return slot
        return None

    def save(self, directory: Path) -> None:
        for name in ARRAYS:
            np.save(directory / f"{name}.npy", np.ascontiguousarray(getattr(self, name)), allow_pickle=False)

    @classmethod
    def load(cls, directory: Path, *, mmap=True) -> "Segment":
        return cls({name: np.load(directory / f"{name}.npy", mmap_mode="r" if mmap else None, allow_pickle=False)
                    for name in ARRAYS})
