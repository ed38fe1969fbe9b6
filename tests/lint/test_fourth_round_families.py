"""Families read in the fourth round (issue #22), on wordings of their own, not heldout4's sentences.

Travel and housing companies are third parties (an airline, a hotel, a depot); handing the matter
over ("take it up with", "reach out to the hotel") and going somewhere («поехать», «pojechać») are
redirects when asked of the client, not when the request is denied («Вам не нужно ехать в офис»);
«в соответствии с условиями …», "conditions of carriage" and «warunki przewozu» cite a document; a
Polish passive with «przez» names who did it; «дверной косяк» is a door jamb, not slang.
"""
import pytest

from phrases.lint import lint

CASES = [
    # (language, rule, body, flagged)
    ("ru", "redirect-channel", "Вам придётся обратиться в авиакомпанию за справкой.", True),
    ("ru", "redirect-channel", "Лучше поехать в сервисный центр производителя.", True),
    ("ru", "redirect-channel", "Вам не нужно ехать в офис, всё оформим здесь в чате.", False),
    ("ru", "redirect-channel", "Мы связались с авиакомпанией, багаж найдут в течение дня.", False),
    ("ru", "redirect-channel", "Курьер уже едет к Вам, будет через час.", False),
    ("ru", "blame-shift", "Гостиница потеряла Ваше бронирование, это не к нам.", True),
    ("ru", "blame-shift", "Авиакомпания перенесла рейс, мы уже переоформили Ваш билет.", False),
    ("ru", "legal-reference", "В соответствии с правилами перевозки багаж сдаётся отдельно.", True),
    ("ru", "legal-reference", "В соответствии с Вашими пожеланиями мы изменили дату доставки.", False),
    ("ru", "slang", "Мастер поправил оконный косяк и заменил уплотнитель.", False),
    ("ru", "slang", "Это наш косяк, всё исправим сегодня.", True),
    ("en", "redirect-channel", "You should reach out to the hotel directly about late check-out.", True),
    ("en", "redirect-channel", "Please raise it with the landlord, they handle the deposit.", True),
    ("en", "redirect-channel", "Drop them an email and they will confirm the seat.", True),
    ("en", "redirect-channel", "Please take it up with us here in the chat anytime.", False),
    ("en", "redirect-channel", "We contacted the airline and your seat is confirmed.", False),
    ("en", "blame-shift", "The airline misrouted your suitcase, nothing we can do.", True),
    ("en", "blame-shift", "The hotel confirmed your late check-in.", False),
    ("en", "blame-shift", "We held the parcel for you for seven days at the pickup point.", False),
    ("en", "legal-reference", "Per the hotel's cancellation rules, the first night is charged.", True),
    ("en", "legal-reference", "Under the carrier's conditions of carriage, lithium batteries can't fly.", True),
    ("en", "legal-reference", "Under these conditions we can refund the full amount.", False),
    ("pl", "redirect-channel", "Trzeba zwrócić się do linii lotniczej.", True),
    ("pl", "redirect-channel", "Najlepiej pojechać do najbliższego salonu z paragonem.", True),
    ("pl", "redirect-channel", "Nie musi Pan jechać do salonu, wszystko załatwimy na czacie.", False),
    ("pl", "redirect-channel", "Kurier jedzie już do Pana.", False),
    ("pl", "blame-shift", "Rezerwacja została anulowana przez hotel bez uprzedzenia.", True),
    ("pl", "blame-shift", "Linia lotnicza zgubiła bagaż, nic nie możemy zrobić.", True),
    ("pl", "blame-shift", "Zamówienie zostało anulowane przez Pana w aplikacji.", False),
    ("pl", "blame-shift", "Hotel potwierdził rezerwację na 12 maja.", False),
    ("pl", "legal-reference", "Zgodnie z warunkami przewozu bagaż nie podlega zwrotowi.", True),
    # A third party that did not confirm or book is a job left undone; not yet, or ours, is not blame.
    ("ru", "blame-shift", "Отель не подтвердил бронь вовремя.", True),
    ("ru", "blame-shift", "Отель ещё не подтвердил бронь, ждём ответа.", False),
    ("en", "blame-shift", "The hotel didn't confirm the booking in time.", True),
    ("en", "blame-shift", "We didn't confirm the booking in time, sorry.", False),
    ("pl", "blame-shift", "Hotel nie potwierdził rezerwacji na czas.", True),
    ("pl", "blame-shift", "Hotel jeszcze nie potwierdził rezerwacji.", False),
]


def test_one_citation_is_one_finding(rules):
    findings = [f for f in lint("According to the fare rules, changes cost a fee.", "en", rules)
                if f.rule == "legal-reference"]
    assert len(findings) == 1


@pytest.mark.parametrize("language, rule, body, flagged", CASES)
def test_fourth_round_families(rules_of, language, rule, body, flagged):
    assert (rule in rules_of(body, language)) is flagged
