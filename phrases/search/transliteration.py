"""Russian written in Latin letters, in any common scheme, reduced to a comparable skeleton.

Both sides meet in a coarse Cyrillic skeleton: Latin is read greedily (longest letter group
first: "shch", "zh", "kh", "ya"…) into Cyrillic, and then letters that the schemes render
alike are merged (й/ы/и, э/е, щ/ш, soft and hard signs dropped). "rassrochka", "kurer" and
"garantiya" land on the skeletons of «рассрочка», «курьер» and «гарантия».
"""
import re

_LATIN_GROUPS = [
    ("shch", "щ"), ("sch", "щ"), ("shh", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("tz", "ц"), ("ya", "я"), ("ja", "я"), ("ia", "я"), ("yu", "ю"), ("ju", "ю"), ("iu", "ю"), ("yo", "е"),
    ("jo", "е"), ("ye", "е"), ("je", "е"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"),
    ("e", "е"), ("z", "з"), ("i", "и"), ("y", "и"), ("j", "й"), ("k", "к"), ("q", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"),
    ("x", "х"), ("c", "ц"),
]
_LATIN_RE = re.compile("|".join(group for group, _ in _LATIN_GROUPS))
_LATIN_MAP = dict(_LATIN_GROUPS)
_MERGE = str.maketrans({"й": "и", "ы": "и", "э": "е", "ё": "е", "щ": "ш", "ь": None, "ъ": None})


def skeleton(cyrillic: str) -> str:
    """The comparable skeleton of a folded Cyrillic word."""
    return cyrillic.translate(_MERGE)


def latin_skeleton(latin: str) -> str:
    """The skeleton of a folded Latin word read as transliterated Russian."""
    return skeleton(_LATIN_RE.sub(lambda m: _LATIN_MAP[m.group()], latin))
