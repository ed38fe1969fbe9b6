"""Which of the configured languages a client's message is written in (ru, en, pl), from its letters and a
few very common words; None when the text gives no sign (digits only, emoji)."""
import re

CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
POLISH_LETTERS_RE = re.compile(r"[ąćęłńóśźż]", re.IGNORECASE)
WORD_RE = re.compile(r"[a-z]+")
POLISH_WORDS = frozenset("""nie jest się czy jak mam moje moja mój już jeszcze kiedy gdzie dlaczego proszę
dzień dobry dziekuje dzieki zamowienie zamówienie paczka paczki kurier zwrot chce chcę mogę moge jestem został
została było bylo tak ale żeby zeby przez dla oraz teraz tylko może moze""".split())
RUSSIAN_LATIN_WORDS = frozenset("""ya ne eto kak gde kogda pochemu zakaz dostavka kurer vernut hochu mozhno
privezli privezut chto nado nuzhno spasibo zdravstvuyte""".split())


def detect_language(text: str, allowed=("ru", "en", "pl")) -> str | None:
    """The message's language among `allowed`, or None when nothing tells."""
    lowered = text.lower()
    if CYRILLIC_RE.search(lowered):
        return "ru" if "ru" in allowed else None
    words = WORD_RE.findall(lowered)
    if not words:
        return None
    if POLISH_LETTERS_RE.search(lowered) or sum(word in POLISH_WORDS for word in words) >= 1:
        if "pl" in allowed:
            return "pl"
    if "ru" in allowed and sum(word in RUSSIAN_LATIN_WORDS for word in words) >= 2:
        return "ru"
    return "en" if "en" in allowed else None
