"""Client messages are personal data: what is stored has its e-mail addresses, phone numbers and other
numbers (orders, cards, amounts) replaced by markers before it reaches the database."""
import re

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone: an optional +, then 7 or more digits with spaces, dashes, dots or brackets between them.
PHONE_RE = re.compile(r"(?<![\w])\+?\d[\d\s().-]{5,}\d(?![\w])")
NUMBER_RE = re.compile(r"\d+(?:[.,:/-]\d+)*")
EMAIL, PHONE, NUMBER = "[email]", "[phone]", "[number]"


def mask_personal_data(text: str) -> str:
    """`text` with e-mail addresses, phone numbers and every other number replaced by markers."""
    text = EMAIL_RE.sub(EMAIL, text)

    def phone(match):
        return PHONE if sum(ch.isdigit() for ch in match.group()) >= 7 else match.group()

    text = PHONE_RE.sub(phone, text)
    return NUMBER_RE.sub(NUMBER, text)
