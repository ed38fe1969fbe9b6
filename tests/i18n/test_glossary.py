"""One word per concept in each language: in Polish, "review" is «recenzja» (reviewer: «recenzent») and an
operator is «konsultant», in every catalogue, never «przegląd», «sprawdzenie» or «operator» beside them."""
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# «przeglądarka» (the browser) is another word; «sprawdzić» (to check) is not the review.
OTHER_WORDS_FOR_REVIEW = re.compile(r"\b(przegląd|przeglądu|przeglądzie|przeglądem|sprawdzeni[ea]|sprawdzeniu|"
                                    r"osob[aęy] sprawdzając\w*|osób sprawdzających)\b", re.IGNORECASE)
OTHER_WORDS_FOR_OPERATOR = re.compile(r"(?<![{\w])operator(?!_)\w*", re.IGNORECASE)  # not {operator_name}


def translations(path):
    """Every msgstr text of a catalogue (continuation lines included)."""
    texts, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            current = [line.split(" ", 1)[1].strip('"')]
            texts.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line.strip('"'))
        else:
            current = None
    return ["".join(parts) for parts in texts]


def test_polish_uses_one_word_for_review_and_for_operator_everywhere():
    catalogues = sorted(ROOT.glob("*/locale/pl/LC_MESSAGES/django.po")) + sorted(ROOT.glob("locale/pl/LC_MESSAGES/django.po"))
    assert catalogues
    found = [f"{path.relative_to(ROOT)}: {text}" for path in catalogues for text in translations(path)
             if OTHER_WORDS_FOR_REVIEW.search(text) or OTHER_WORDS_FOR_OPERATOR.search(text)]
    assert not found, "\n".join(found)
