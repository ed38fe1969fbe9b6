"""Word stems (Snowball, via PyStemmer) so another word form finds the phrase."""
from functools import lru_cache

import Stemmer

_ALGORITHMS = {"ru": "russian", "en": "english", "pl": "polish"}
_stemmers = {}


def _stemmer(language):
    if language not in _stemmers:
        _stemmers[language] = Stemmer.Stemmer(_ALGORITHMS[language]) if language in _ALGORITHMS else None
    return _stemmers[language]


@lru_cache(maxsize=500_000)
def stem(token: str, language: str) -> str:
    """The stem of a folded token; Cyrillic words always use the Russian stemmer."""
    if any("а" <= char <= "я" for char in token):
        language = "ru"
    stemmer = _stemmer(language)
    return stemmer.stemWord(token) if stemmer else token
