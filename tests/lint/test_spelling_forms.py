"""Spelling's fast path (every word form of a dictionary, expanded once) judges words exactly as spylls does."""
import random
import re
import unicodedata
from pathlib import Path

import pytest

from phrases.lint import spelling

DIRECTORIES = (spelling.BUNDLED_DIRECTORY,)
DATA = Path(__file__).parent / "data"
LETTERS = {"ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "en": "abcdefghijklmnopqrstuvwxyz",
           "pl": "aąbcćdeęfghijklłmnńoóprsśtuwyzźż"}


@pytest.fixture(scope="module")
def forms_cache(tmp_path_factory):
    """Forms built from the bundled dictionaries into a fresh cache; spelling's per-process state is
    put back afterwards, so other tests see the machine as they found it."""
    saved = dict(spelling._dictionaries), dict(spelling._forms)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QUICKPHRASES_SPELLING_CACHE", str(tmp_path_factory.mktemp("spelling-cache")))
        for language in ("ru", "en", "pl"):
            for stem in spelling._find(language, DIRECTORIES):
                spelling.build_forms(stem)
            spelling._dictionaries.pop((language, DIRECTORIES), None)
        spelling.clear_caches()
        yield
    spelling._dictionaries.clear()
    spelling._dictionaries.update(saved[0])
    spelling._forms.clear()
    spelling._forms.update(saved[1])
    spelling.clear_caches()


def _words(language, rng):
    """Dictionary stems, inflected words from the lint sentences, misspellings of both (a letter
    dropped, doubled, swapped or replaced; Polish without diacritics) and hyphenations of them all,
    in each capitalisation but capitals."""
    dictionary = spelling._dictionary(language, DIRECTORIES)[0]
    stems = [word.stem for word in rng.sample(dictionary.dic.words, 60)]
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.jsonl")))
    letters = LETTERS[language]
    running = [w for w in re.findall(r"[^\W\d_]{2,}", text) if w[0].lower() in letters]
    words = set(stems) | set(rng.sample(sorted(set(running)), min(60, len(set(running)))))
    misspelt = set()
    for word in sorted(words):
        at = rng.randrange(len(word))
        misspelt |= {word[:at] + word[at + 1:], word[:at] + word[at] + word[at:],
                     word[:at] + rng.choice(letters) + word[at + 1:], word[:at] + word[at + 1:at + 2] + word[at:at + 1] + word[at + 2:]}
        if language == "pl":
            misspelt.add("".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)))
    joined = sorted(words | misspelt)
    hyphenated = sorted({"-".join(rng.sample(joined, rng.choice((2, 2, 3)))) for _ in range(40)})
    hyphenated += [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", text) if w[0].lower() in letters]
    misspelt |= set(hyphenated) | {"-" + word for word in hyphenated[:5]} | {word + "-" for word in hyphenated[:5]}
    cased = set()
    for word in words | misspelt:
        cased |= {word, word.capitalize(), word.lower()}
    return sorted(w for w in cased if len(w) >= 2)


@pytest.mark.parametrize("language", ["ru", "en", "pl"])
def test_fast_verdicts_are_spylls_verdicts(forms_cache, language):
    dictionaries = spelling._dictionary(language, DIRECTORIES)
    entries = [entry for (lang, dirs, _), entry in spelling._forms.items() if (lang, dirs) == (language, DIRECTORIES)]
    assert entries and all(entries), "the fast path is in use"
    words = _words(language, random.Random(f"spelling {language}"))
    verdicts = {word: spelling._known(language, DIRECTORIES, word) for word in words}
    assert [word for word in words if verdicts[word] != any(d.lookup(word) for d in dictionaries)] == []
    assert sum(verdicts.values()) > 100 and len(words) - sum(verdicts.values()) > 100  # both verdicts met


@pytest.mark.parametrize("language, word", [("ru", "ВА"), ("ru", "СПАСИБО"), ("en", "REFNUD"), ("pl", "DZIEKUJE"),
                                            ("pl", "SMS-em"), ("pl", "SMSX-em"), ("pl", "BLIK-iem"), ("ru", "SIM-карта"),
                                            ("ru", "PIN-код"), ("ru", "ВА-ва")])
def test_words_and_parts_in_capitals_get_spylls_verdicts(forms_cache, language, word):
    # spylls matches capitals against stems case-insensitively: it accepts «ВА» though «ва» is no word
    dictionaries = spelling._dictionary(language, DIRECTORIES)
    assert spelling._known(language, DIRECTORIES, word) == any(d.lookup(word) for d in dictionaries)


@pytest.mark.parametrize("language, complete", [("ru", True), ("pl", True), ("en", False)])
def test_unknown_plain_words_skip_spylls_only_where_the_forms_are_complete(forms_cache, language, complete):
    # en compounds (ordinals as 1st, 22nd) and converts ’ to ': spylls still judges what its forms lack.
    entries = [entry for (lang, dirs, _), entry in spelling._forms.items() if (lang, dirs) == (language, DIRECTORIES)]
    assert all(entry[2] is complete for entry in entries)


def test_a_missing_forms_file_leaves_spelling_to_spylls(tmp_path, monkeypatch):
    monkeypatch.setenv("QUICKPHRASES_SPELLING_CACHE", str(tmp_path))
    stem = spelling._find("en", DIRECTORIES)[0]
    assert spelling._open_forms(stem) is None
    assert spelling.build_forms(stem) == spelling.build_forms(stem)  # built once, then reused
    assert len(spelling._open_forms(stem)) > 100_000
