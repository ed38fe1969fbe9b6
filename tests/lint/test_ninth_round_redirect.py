"""Ninth redirect round (issue #22, tuning9r): wordings of sending the client elsewhere read by family —
a polite question, "all it takes", the act of contacting said to solve the matter, a bare visit verb after
the place where the matter is dealt with — each with near misses of the same shape in ru, en and pl."""
import pytest

REDIRECTS = [
    # A polite question asks as an imperative does.
    ("Could you ring the helpline about it?", "en"),
    ("Can you email our billing team at billing@example.com?", "en"),
    ("Would you please visit the branch with your passport?", "en"),
    # "All it takes", «достаточно», «wystarczy»: an easy step is still a step elsewhere.
    ("All you need to do is call the hotline.", "en"),
    ("You just need to pop into the store with the receipt.", "en"),
    ("Достаточно позвонить на горячую линию.", "ru"),
    ("Wystarczy zadzwonić na infolinię banku.", "pl"),
    ("Wystarczy podjechać do salonu z umową.", "pl"),
    # The act of contacting, named with its channel or venue, as what solves the matter.
    ("One call to the hotline will sort this out.", "en"),
    ("An email to the support line usually resolves these cases.", "en"),
    ("Обращение в отделение банка решит проблему с картой.", "ru"),
    ("Вопрос поможет решить звонок в контакт-центр.", "ru"),
    ("Wizyta w oddziale załatwi sprawę od razu.", "pl"),
    ("Rozmowa z infolinią pomoże wyjaśnić opłatę.", "pl"),
    # A bare visit verb after the place where the matter is dealt with.
    ("Такие замены делают только в салоне, приходите с чеком.", "ru"),
    ("Repairs are done only at the service centre, come in with the receipt.", "en"),
    ("Zmiany danych robimy tylko w oddziale, prosimy przyjść z dowodem.", "pl"),
]

CLEAN = [
    # Questions about the client's own past calls, or asking something of the chat.
    ("Could you tell me when you called the hotline?", "en"),
    ("Can you send the photos here in the chat?", "en"),
    ("Would you like us to call you back?", "en"),
    # "Enough" about something else than going anywhere.
    ("Достаточно прислать фото сюда, в чат.", "ru"),
    ("Wystarczy napisać tutaj numer zamówienia.", "pl"),
    # Calls and visits as nouns that solve nothing elsewhere, ours, past or conditional.
    ("Call and data prices depend on the country.", "en"),
    ("Your call to the hotline yesterday is in our notes.", "en"),
    ("If a call to the bank solves it, let me know here.", "en"),
    ("Наш звонок на горячую линию решит вопрос быстрее.", "ru"),
    ("Ваш звонок на горячую линию зарегистрирован.", "ru"),
    ("Звонок курьера поможет найти подъезд.", "ru"),
    ("Wizyta technika w Pani domu rozwiąże problem.", "pl"),
    ("Rozmowa z konsultantem została zapisana.", "pl"),
    # The place named where the order waits to be collected, or said as a fact.
    ("Посылка уже в пункте выдачи, приходите с паспортом.", "ru"),
    ("Your parcel is at the pick-up point, come with your ID.", "en"),
    ("Zamówienie jest już w salonie, zapraszamy po odbiór.", "pl"),
    ("Салон работает до 21:00, а я отвечу здесь.", "ru"),
]


@pytest.mark.parametrize("body,language", REDIRECTS)
def test_ninth_round_redirect_families(body, language, rules_of):
    assert "redirect-channel" in rules_of(body, language)


@pytest.mark.parametrize("body,language", CLEAN)
def test_ninth_round_near_misses(body, language, rules_of):
    assert "redirect-channel" not in rules_of(body, language)
