"""Spelling with Hunspell dictionaries (read by spylls, a Hunspell port) plus the team dictionary.

The ru, en (US and GB) and pl dictionaries ship with the project in phrases/lint/dictionaries
(with their licences), so every install checks spelling; `QUICKPHRASES_HUNSPELL_DIRS` may name
other directories (searched in order). Where a language has no dictionary, spelling for it reports
itself unavailable, once, in the log and in `spelling_status()`, and every other rule still runs.
"""
import bisect
import hashlib
import logging
import mmap
import os
import re
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from phrases.lint.text import LONGEST_WORD

logger = logging.getLogger(__name__)

DICTIONARY_NAMES = {"ru": ("ru_RU", "ru"), "en": ("en_US", "en_GB", "en"), "pl": ("pl_PL", "pl")}
BUNDLED_DIRECTORY = str(Path(__file__).resolve().with_name("dictionaries"))
DEFAULT_DIRECTORIES = (BUNDLED_DIRECTORY, "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
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
                for stem, loaded in zip(stems, dictionary):
                    forms = _open_forms(stem)
                    _forms[(language, directories, str(stem))] = (
                        None if forms is None else (forms, loaded, _expansion_is_complete(loaded)))
            _dictionaries[key] = dictionary
    return _dictionaries[key]


# The fast path: every word form a dictionary accepts through its stems and affixes, expanded once
# (`make lint-dicts`, or `python -m phrases.lint.spelling build`) into a sorted file of 64-bit hashes
# in a cache directory, memory-mapped (shared by every worker) and searched by bisection. A word in it
# is known without asking spylls, whose affix search takes ~0.5 ms for each word it has not seen (a
# fresh worker's first 20,000-character Polish text asked ~1,000 of them). A word not in it (a
# misspelling, a compound, a hyphenated or apostrophised spelling) is judged by spylls as before,
# except where the forms are all spylls could accept (`_expansion_is_complete`: ru and pl, whose
# dictionaries neither compound nor convert input): there a plain word not in them is unknown at once.
_forms: dict = {}  # (language, directories, stem path) -> (sorted hashes, Dictionary, complete) or None
FORMS_FORMAT = 1


def cache_directory() -> Path:
    """Where the expanded forms are kept: `QUICKPHRASES_SPELLING_CACHE`, else beside the virtualenv
    running this code, else the user's cache directory."""
    configured = os.environ.get("QUICKPHRASES_SPELLING_CACHE")
    if configured:
        return Path(configured)
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "var" / "quickphrases-spelling"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quickphrases-spelling"


def _forms_path(stem) -> Path:
    """The forms file of the dictionary at `stem` (its name holds a digest of the .aff and .dic, so
    a changed dictionary never meets the forms of the old one)."""
    digest = hashlib.sha256(f"format {FORMS_FORMAT}".encode())
    for suffix in (".aff", ".dic"):
        digest.update(Path(stem).with_suffix(suffix).read_bytes())
    return cache_directory() / f"{Path(stem).name}-{digest.hexdigest()[:20]}.forms"


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _open_forms(stem):
    path = _forms_path(stem)
    try:
        with open(path, "rb") as file:
            if os.fstat(file.fileno()).st_size == 0:
                return None
            return memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)).cast("Q")
    except (OSError, TypeError, ValueError):  # missing or unreadable (a length not of whole hashes)
        logger.info("Spelling for %s asks Hunspell word by word: no expanded forms in %s "
                    "(run `make lint-dicts` to build them).", Path(stem).name, path.parent)
        return None


def _in_forms(forms, word) -> bool:
    value = _hash(word)
    index = bisect.bisect_left(forms, value)
    return index < len(forms) and forms[index] == value


def _expansion_is_complete(dictionary) -> bool:
    """Whether `_expand` gives every form spylls accepts for a word of letters only: the dictionary
    is expandable, compounds nothing, converts no input, and its prefixes neither strip nor ask a
    condition (which `_expand` checks more strictly than spylls)."""
    aff = dictionary.aff
    compounding = (aff.COMPOUNDRULE, aff.COMPOUNDFLAG, aff.COMPOUNDBEGIN, aff.COMPOUNDMIDDLE, aff.COMPOUNDEND,
                   aff.ICONV, aff.OCONV)
    prefixes = [prefix for group in aff.PFX.values() for prefix in group]
    return (_expandable(dictionary) and not any(compounding)
            and all(not prefix.strip and prefix.condition == "." for prefix in prefixes))


def _expandable(dictionary) -> bool:
    aff, words = dictionary.aff, dictionary.dic.words
    unmodelled = (aff.NEEDAFFIX, aff.CIRCUMFIX, aff.COMPLEXPREFIXES, aff.FULLSTRIP, aff.IGNORE,
                  aff.CHECKSHARPS, aff.FORCEUCASE, aff.KEEPCASE, aff.SUBSTANDARD)
    affixes = [affix for table in (aff.PFX, aff.SFX) for group in table.values() for affix in group]
    if any(unmodelled) or any(affix.flags for affix in affixes) or (
            aff.FORBIDDENWORD and any(aff.FORBIDDENWORD in word.flags for word in words)):
        return False
    plain = re.compile(r"[^\\.\[\]()*+?{}|^$]*")  # an affix spylls matches literally
    return all(plain.fullmatch(affix.add) and plain.fullmatch(affix.strip) for affix in affixes)


def _expand(dictionary):
    """Every word form `dictionary` (a spylls Dictionary) accepts through a stem alone, one suffix,
    one prefix, or both when both allow the cross product; None when the dictionary uses a feature
    these forms do not model (affixes carrying flags, circumfixes, forbidden words, …): spylls then
    judges every word. Conditions are checked as spylls checks them (a prefix's against the word both
    with and without the suffix), so no form is produced that spylls refuses."""
    if not _expandable(dictionary):
        return None
    aff, words = dictionary.aff, dictionary.dic.words
    excluded = {flag for flag in (aff.ONLYINCOMPOUND, aff.COMPOUNDFLAG, aff.COMPOUNDBEGIN, aff.COMPOUNDMIDDLE,
                                  aff.COMPOUNDEND) if flag}
    forms = set()
    for word in words:
        flags, stem = word.flags, word.stem
        if flags & excluded:
            continue
        forms.add(stem)
        suffixed = []
        for flag in flags:
            for suffix in aff.SFX.get(flag, ()):
                if len(suffix.strip) < len(stem) and stem.endswith(suffix.strip) and suffix.cond_regexp.search(stem):
                    form = stem[:len(stem) - len(suffix.strip)] + suffix.add
                    forms.add(form)
                    if suffix.crossproduct:
                        suffixed.append(form)
        for flag in flags:
            for prefix in aff.PFX.get(flag, ()):
                if not (len(prefix.strip) < len(stem) and stem.startswith(prefix.strip)
                        and prefix.cond_regexp.search(stem)):
                    continue
                forms.add(prefix.add + stem[len(prefix.strip):])
                if prefix.crossproduct:
                    forms.update(prefix.add + form[len(prefix.strip):] for form in suffixed
                                 if form.startswith(prefix.strip) and prefix.cond_regexp.search(form))
    forms.discard("")
    return forms


def build_forms(stem) -> Path:
    """Expand the dictionary at `stem` into its forms file (once; safe when processes race: each
    writes its own file and renames it into place). An empty file marks a dictionary not expanded."""
    from spylls.hunspell import Dictionary

    path = _forms_path(stem)
    if path.exists():
        return path
    forms = _expand(Dictionary.from_files(str(stem)))
    hashes = sorted({_hash(form) for form in forms}) if forms is not None else []
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(memoryview(_pack(hashes)).cast("B"))
        os.chmod(temporary, 0o644)  # read by workers running as another user
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return path


def _pack(hashes):
    from array import array

    packed = array("Q", hashes)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed


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
    if dictionaries is None:
        return True
    entries = [entry for (lang, dirs, _), entry in _forms.items() if lang == language and dirs == directories]
    # Words in capitals stay with spylls: it matches them against every stem case-insensitively, in
    # ways the forms do not model (it accepts «ВА» from a stem-less «в» + «а»). The lint checks none.
    if entries and all(entries) and not word.isupper():
        variants = _case_variants(word)
        if any(_in_forms(forms, variant) for forms, _, _ in entries for variant in variants):
            return True
        if not any(c.isdigit() for c in word) and all(complete for _, _, complete in entries):
            return any(_known_by_parts(word, forms, d) for forms, d, _ in entries)
    return any(d.lookup(word) for d in dictionaries)


def _known_by_parts(word, forms, dictionary):
    """spylls' verdict on `word` (no digits, so no number) from the complete `forms` of `dictionary`:
    whether the word, or the parts it breaks into at the dictionary's BREAK patterns (hyphens), are
    all forms, the breaks enumerated exactly as spylls enumerates them. A part in capitals ("SMS" of
    "SMS-em") is asked of spylls, as spylls' own lookup asks it."""
    verdicts = {}

    def is_correct(part):
        if part not in verdicts:
            verdicts[part] = (any(dictionary.lookuper.good_forms(part)) if part.isupper()
                              else any(_in_forms(forms, variant) for variant in _case_variants(part)))
        return verdicts[part]

    return any(all(is_correct(part) for part in parts if part) for parts in _breakings(word, dictionary.aff.BREAK))


def _breakings(text, patterns, depth=0):
    """Every way spylls' `Lookup.break_word` splits `text` (the same recursion, the same matches)."""
    if depth > 10:
        return
    yield [text]
    for pattern in patterns:
        for match in pattern.regexp.finditer(text):
            start, rest = text[:match.start(1)], text[match.end(1):]
            for breaking in _breakings(rest, patterns, depth + 1):
                yield [start, *breaking]


def _case_variants(word):
    """The spellings spylls looks `word`, not in capitals, up as (Hunspell's capitalisation rules:
    "Kitten" may be "kitten", "McDonald" may be "mcDonald")."""
    if word[:1].isupper():
        return (word, word.lower()) if word[1:].islower() else (word, word[:1].lower() + word[1:])
    return (word,)


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
    _flags.clear()
    _shared_verdicts.clear()


# {(language, directories, team words): {word: reported}}: `_misspelt`'s answers by the word alone,
# a plain dictionary look-up for each word of a text (the same verdicts, bounded alike).
_flags: dict = {}


def unknown_words(words, language, team_words, check_time=None):
    """The words (objects with .text/.start/.end) that neither Hunspell nor the team knows.

    Latin-script words in Russian text are checked with the English dictionary (product names,
    English terms); words in another script than the phrase's are otherwise left alone. A word
    longer than any dictionary word is reported without a look-up (Hunspell's affix search on a
    long string takes seconds). Each distinct word is judged once (cached per process)."""
    directories = dictionary_directories()
    team_words = frozenset(team_words)  # hashable, part of the cache key (no copy when it is one)
    context = (language, directories, team_words)
    flags = _flags.get(context)
    if flags is None:
        if len(_flags) >= 8:
            _flags.clear()  # old rule sets' team words
        flags = _flags[context] = {}
    for word in words:
        text = word.text
        flag = flags.get(text)
        if flag is None:
            if check_time is not None:
                check_time()
            flag = _misspelt(language, directories, team_words, text)
            if len(flags) >= VERDICT_CACHE_SIZE:
                flags.clear()
            flags[text] = flag
        if flag:
            yield word


def main(argv=None):
    """`python -m phrases.lint.spelling build`: expand every dictionary found for ru, en and pl."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("command", choices=("build",))
    parser.parse_args(argv)
    for language in DICTIONARY_NAMES:
        for stem in _find(language, DEFAULT_DIRECTORIES):
            print(f"{stem.name}: {build_forms(stem)}")


if __name__ == "__main__":
    main()
