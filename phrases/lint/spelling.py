"""Spelling with Hunspell dictionaries (read by spylls, a Hunspell port) plus the team dictionary.

The ru, en (US and GB) and pl dictionaries ship with the project in phrases/lint/dictionaries
(with their licences), so every install checks spelling; `QUICKPHRASES_HUNSPELL_DIRS` may name
other directories (searched in order). Where a language has no dictionary, spelling for it reports
itself unavailable, once, in the log and in `spelling_status()`, and every other rule still runs.
"""
import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

DICTIONARY_NAMES = {"ru": ("ru_RU", "ru"), "en": ("en_US", "en_GB", "en"), "pl": ("pl_PL", "pl")}
BUNDLED_DIRECTORY = str(Path(__file__).resolve().with_name("dictionaries"))
DEFAULT_DIRECTORIES = (BUNDLED_DIRECTORY, "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
LONGEST_WORD = 40  # longer than the longest word of the ru, en and pl dictionaries
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN = re.compile(r"[a-z]", re.IGNORECASE)

_lock = threading.Lock()
_dictionaries: dict = {}   # (language, directories) -> [Dictionary] or None
_reported: set = set()


def dictionary_directories():
    try:
        from django.conf import settings

        return tuple(getattr(settings, "QUICKPHRASES_HUNSPELL_DIRS", DEFAULT_DIRECTORIES))
    except Exception:  # settings not configured: plain Python use
        return DEFAULT_DIRECTORIES


def _find(language, directories):
    """Every dictionary for the language (en_US and en_GB both count for English)."""
    stems = {}
    for directory in directories:
        for name in DICTIONARY_NAMES.get(language, (language,)):
            stem = Path(directory) / name
            if name not in stems and stem.with_suffix(".dic").exists() and stem.with_suffix(".aff").exists():
                stems[name] = stem
    return list(stems.values())


def _dictionary(language, directories=None):
    directories = dictionary_directories() if directories is None else directories
    key = (language, directories)
    if key in _dictionaries:
        return _dictionaries[key]
    with _lock:
        if key not in _dictionaries:
            stems = _find(language, directories)
            dictionary = None
            if not stems:
                if key not in _reported:
                    _reported.add(key)
                    logger.warning("Spelling is unavailable for %r: no Hunspell dictionary in %s; "
                                   "the other brand-voice rules still run.", language, ", ".join(directories))
            else:
                from spylls.hunspell import Dictionary

                dictionary = [Dictionary.from_files(str(stem)) for stem in stems]
            _dictionaries[key] = dictionary
    return _dictionaries[key]


def spelling_available(language: str) -> bool:
    return _dictionary(language) is not None


def spelling_status(languages=("ru", "en", "pl")) -> dict:
    """{language: "available" | "unavailable: …"} for the admin and the lint API."""
    return {
        language: "available" if spelling_available(language)
        else f"unavailable: no Hunspell dictionary for {language} in {', '.join(dictionary_directories())}"
        for language in languages
    }


# Word verdicts are cached per process, bounded: the same words recur across texts and phrases
# (an import of 100,000 phrases looks up a few thousand distinct words). The key holds everything a
# verdict depends on: the dictionaries' directories and the team's words (a new frozenset whenever
# the rules are rebuilt), so a changed word list or dictionary setting never meets a stale verdict.
VERDICT_CACHE_SIZE = 200_000


# Look-ups made once for a whole import, before its lint processes fork: they inherit the answers
# instead of each repeating the look-ups of the words they share (see `known_words`).
_shared_verdicts: dict = {}  # (language, directories, word) -> known


@lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _known(language, directories, word):
    shared = _shared_verdicts.get((language, directories, word))
    if shared is not None:
        return shared
    dictionaries = _dictionary(language, directories)
    return dictionaries is None or any(d.lookup(word) for d in dictionaries)


def is_word_in_capitals(language: str, text: str) -> bool:
    """Whether `text`, a word written in capitals in a `language` phrase, is a word of the language (its
    lowercase or capitalised form is in the dictionary), as "PLEASE" or «СРОЧНО» are: capitals on a word
    are shouting, while capitals on what no dictionary knows are an acronym or a name (OSAGO, PKO, MTS).
    With no dictionary for the language every such word counts as a word, as before dictionaries."""
    check_language = "en" if language == "ru" and not CYRILLIC.search(text) else language
    if check_language in ("en", "pl") and not LATIN.search(text):
        return True  # another script than the phrase's: no dictionary to ask
    directories = dictionary_directories()
    if _dictionary(check_language, directories) is None:
        return True
    lower = text.lower()
    return _known(check_language, directories, lower) or _known(check_language, directories, lower.capitalize())


def _dictionary_language(language, text):
    """The dictionary `text`, a word of a `language` phrase, is checked with (None: not checked by
    a dictionary: too short, a number, an abbreviation, another script, or too long to look up)."""
    if len(text) < 2 or len(text) > LONGEST_WORD or any(c.isdigit() for c in text) or text.isupper():
        return None
    if language == "ru" and not CYRILLIC.search(text):
        return "en"
    if language in ("en", "pl") and not LATIN.search(text):
        return None
    return language


@lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _misspelt(language, directories, team_words, text) -> bool:
    """Whether `text`, a word of a `language` phrase, is reported (see `unknown_words`)."""
    if len(text) < 2 or any(c.isdigit() for c in text) or text.isupper() or text.lower() in team_words:
        return False
    if len(text) > LONGEST_WORD:
        return _dictionary(language, directories) is not None
    check_language = _dictionary_language(language, text)
    if check_language is None or _dictionary(check_language, directories) is None:
        return False
    if _known(check_language, directories, text):
        return False
    parts = _PARTS.split(text)
    return not (len(parts) > 1 and all(len(p) < 2 or _known(check_language, directories, p)
                                       or p.lower() in team_words for p in parts))


_PARTS = re.compile(r"['\-]")


def lookups(words, language) -> set:
    """The dictionary look-ups `(language, word)` that spelling `words` (strings) of a `language`
    text may make: every word and the parts of a hyphenated one. A superset is harmless."""
    found = set()
    for text in words:
        check_language = _dictionary_language(language, text)
        if check_language is not None:
            found.add((check_language, text))
            parts = _PARTS.split(text)
            if len(parts) > 1:
                found.update((check_language, part) for part in parts if len(part) >= 2)
    return found


def known_words(pairs) -> dict:
    """{(language, word): known} for the look-ups `pairs`, made in this process."""
    directories = dictionary_directories()
    return {(language, word): _known(language, directories, word) for language, word in pairs}


def share_verdicts(verdicts: dict) -> None:
    """Answer the look-ups in `verdicts` (from `known_words`) without a dictionary in this process
    and the processes it forks, until `forget_shared_verdicts`."""
    directories = dictionary_directories()
    _shared_verdicts.update(((language, directories, word), known) for (language, word), known in verdicts.items())


def forget_shared_verdicts() -> None:
    _shared_verdicts.clear()


def clear_caches():
    """Forget every cached word verdict (tests; a process whose dictionaries changed on disk)."""
    _known.cache_clear()
    _misspelt.cache_clear()
    _shared_verdicts.clear()


def unknown_words(words, language, team_words, check_time=None):
    """The words (objects with .text/.start/.end) that neither Hunspell nor the team knows.

    Latin-script words in Russian text are checked with the English dictionary (product names,
    English terms); words in another script than the phrase's are otherwise left alone. A word
    longer than any dictionary word is reported without a look-up (Hunspell's affix search on a
    long string takes seconds). Each distinct word is judged once (cached per process)."""
    directories = dictionary_directories()
    team_words = frozenset(team_words)  # hashable, part of the cache key (no copy when it is one)
    seen = {}
    for word in words:
        text = word.text
        flag = seen.get(text)
        if flag is None:
            if check_time is not None:
                check_time()
            flag = seen[text] = _misspelt(language, directories, team_words, text)
        if flag:
            yield word
