"""Wrong keyboard layout: the same keys on US QWERTY and Russian ЙЦУКЕН."""

_QWERTY = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?"
_JCUKEN = "ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"

TO_RUSSIAN = str.maketrans(dict(zip(_QWERTY, _JCUKEN)))
TO_LATIN = str.maketrans(dict(zip(_JCUKEN, _QWERTY)))


def latin_typed_as_russian(text: str) -> str:
    """What the operator meant when Russian was typed on the English layout ("ghbdtn" → "привет")."""
    return text.translate(TO_RUSSIAN)


def russian_typed_as_latin(text: str) -> str:
    """What was meant when English or Polish was typed on the Russian layout ("куздн" → "reply")."""
    return text.translate(TO_LATIN)
