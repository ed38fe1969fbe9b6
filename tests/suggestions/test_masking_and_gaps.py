"""Personal data masked before storage; unanswered messages grouped by meaning into missing replies."""
import pytest

from suggestions import services
from suggestions.engine.language import detect_language
from suggestions.engine.masking import mask_personal_data
from suggestions.selectors import missing_replies


@pytest.mark.parametrize("text, hidden", [
    ("мой номер +7 912 345-67-89", "912"),
    ("call me at (555) 123-4567 please", "4567"),
    ("write to jan.kowalski@poczta.pl", "kowalski"),
    ("zamówienie 88231 nie dotarło", "88231"),
    ("списали 4 990,50 руб", "990"),
])
def test_numbers_emails_and_phones_are_masked(text, hidden):
    masked = mask_personal_data(text)
    assert hidden not in masked
    assert "[" in masked


def test_words_are_left_alone():
    assert mask_personal_data("где мой заказ?") == "где мой заказ?"


@pytest.mark.parametrize("text, language", [
    ("где моя посылка", "ru"), ("where is my parcel", "en"), ("gdzie jest moja paczka", "pl"),
    ("paczka nie dotarla", "pl"), ("zamówienie", "pl"), ("12345", None),
])
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_recurring_unanswered_messages_are_grouped_by_meaning(starter, model, operator):
    similar = ["можно ли оплатить заказ биткоинами?", "принимаете ли вы оплату криптовалютой, биткоин?",
               "хочу заплатить биткоинами, это возможно?"]
    for message in similar:
        services.feedback_record(user=operator, message=message, language="ru", chosen=None, dismissed=[])
    services.feedback_record(user=operator, message="сколько стоит подъём пианино на 9 этаж", language="ru",
                             chosen=None, dismissed=[])
    services.feedback_record(user=operator, message="где мой возврат за заказ 123", language="ru",
                             chosen="refund-status-ru", dismissed=[])
    groups = missing_replies()
    assert len(groups) == 1
    group = groups[0]
    assert group["count"] == 3 and group["language"] == "ru"
    assert set(group["examples"]) == set(similar)
    assert group["topic"]  # a guess from the closest live phrase


def test_gap_examples_are_masked(starter, operator):
    for _ in range(2):
        services.feedback_record(user=operator, message="order 55512 never came, mail me at a@b.co", language="en",
                                 chosen=None, dismissed=[])
    (group,) = missing_replies()
    assert "55512" not in group["examples"][0] and "a@b.co" not in group["examples"][0]
