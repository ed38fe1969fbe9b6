"""Synthetic phrase libraries of realistic length and vocabulary, and queries of every kind.

Phrases are recombined from the words of real libraries (the starter library, and the dev library
when ../shared/eval is present), in Russian, English and Polish, with "new" words derived from
real ones so the vocabulary keeps growing with the library as it does in real use. Deterministic
for a given seed.
"""
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from phrases.search.index import Document
from phrases.search.keyboard import latin_typed_as_russian, russian_typed_as_latin

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "fixtures" / "starter_library.json", ROOT.parent / "shared" / "eval" / "dev_library.json"]
WORD_RE = re.compile(r"[^\W\d_]{3,}")
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
STRIP_PL = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


@dataclass
class Query:
    text: str
    language: str | None
    kind: str
    expect: str


def _vocabulary():
    words = {"ru": [], "en": [], "pl": []}
    for path in SOURCES:
        if path.exists():
            for phrase in json.loads(path.read_text(encoding="utf-8"))["phrases"]:
                if phrase["language"] in words:
                    words[phrase["language"]].extend(w.lower() for w in WORD_RE.findall(phrase["title"] + " " + phrase["body"]))
    return {language: sorted(set(found)) for language, found in words.items()}


def _new_word(rng, word):
    """A plausible new word: a real one with its ending changed or a syllable added."""
    cut = max(3, len(word) - rng.randint(1, 3))
    return word[:cut] + rng.choice(["ка", "ние", "ость", "ция", "ing", "ment", "ness", "ość", "enie", "ator", "ник"])


def library(size, seed=7):
    """`size` synthetic documents, ~60% Russian, 20% English, 20% Polish."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    grown = {language: list(words) for language, words in vocabulary.items()}
    documents = []
    for number in range(size):
        language = rng.choices(["ru", "en", "pl"], weights=[6, 2, 2])[0]
        words = grown[language]
        if rng.random() < 0.3:
            words.append(_new_word(rng, rng.choice(vocabulary[language])))
        title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 4))).capitalize()
        sentences = []
        for _ in range(rng.randint(1, 3)):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
            sentences.append(sentence.capitalize() + rng.choice([".", ".", "?", "!"]))
        body = ("{client_name}, " if rng.random() < 0.3 else "") + " ".join(sentences)
        keywords = tuple(rng.choice(words) for _ in range(rng.randint(0, 3)))
        shortcut = f"/s{number:x}"[:13] if rng.random() < 0.1 else ""
        documents.append(Document(f"p{number}-{language}", title, body, f"topic-{number % 40}", number % 40 + 1,
                                  language, shortcut, "", keywords))
    return documents


def _typo(rng, word):
    if len(word) < 5:
        return word
    position = rng.randrange(1, len(word) - 1)
    operation = rng.choice(["drop", "swap", "double"])
    if operation == "drop":
        return word[:position] + word[position + 1:]
    if operation == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2:]
    return word[:position] + word[position] + word[position:]


def queries(documents, count=240, seed=11):
    """A mixed set of operator queries aimed at random documents, every kind represented."""
    rng = random.Random(seed)
    kinds = ["shortcut", "prefix", "typo", "layout", "translit", "morph", "words", "keyword", "diacritics"]
    made = []
    with_shortcut = [d for d in documents if d.shortcut]
    while len(made) < count:
        kind = kinds[len(made) % len(kinds)]
        document = rng.choice(with_shortcut if kind == "shortcut" and with_shortcut else documents)
        title_words = [w.lower() for w in WORD_RE.findall(document.title)] or ["заказ"]
        language = document.language if rng.random() < 0.8 else None
        if kind == "shortcut":
            text = document.shortcut if rng.random() < 0.5 else document.shortcut.lstrip("/")
        elif kind == "prefix":
            text = " ".join(w[:max(3, len(w) - 3)] for w in title_words[:2])
        elif kind == "typo":
            text = " ".join(_typo(rng, w) for w in title_words[:2])
        elif kind == "layout":
            convert = russian_typed_as_latin if document.language == "ru" else latin_typed_as_russian
            text = convert(" ".join(title_words[:2]))
        elif kind == "translit" and document.language == "ru":
            text = "".join(TRANSLIT.get(c, c) for c in " ".join(title_words[:2]))
        elif kind == "morph":
            text = " ".join(w[:-1] + ("у" if document.language == "ru" else "s") for w in title_words[:2])
        elif kind == "keyword" and document.keywords:
            text = document.keywords[0]
        elif kind == "diacritics":
            text = " ".join(title_words[:2]).translate(STRIP_PL).replace("ё", "е")
        else:
            body_words = WORD_RE.findall(document.body.lower())
            text = " ".join(rng.sample(body_words, min(2, len(body_words))))
        made.append(Query(text[:200], language, kind, document.key))
    return made
