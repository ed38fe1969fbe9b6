"""Blame-shift families read in the ninth blame round (issue #22), on wordings of their own, not tuning9b's
sentences nor any held-out set's.

A third party's failed attempt followed by its leaving («не дозвонился и уехал», "got no answer and drove off",
«nie zastał i odjechał») puts the missed delivery on it; we failing to reach the client, or a condition, do not.
A third party's reputation for failing ("known for delays", «славится опозданиями», «słynie z pomyłek», "always
late") and poor quality it supplied are faults read as any other: our own act, or a plain fact, is not blame.
«Przez» a third party with a neutral verb and a bad outcome («przez kuriera dotarła później», «przyjechała
uszkodzona») names the cause; «przez» a time or a route does not. "The seller we work with" is a contact
relative clause describing the party, not our act.
"""
import pytest

CASES = [
    # (language, body, blame)
    # A failed attempt, then leaving.
    ("ru", "Водитель не дозвонился до Вас и уехал.", True),
    ("ru", "Мы не дозвонились до Вас и отложили доставку на завтра.", False),
    ("ru", "Если курьер не застанет Вас дома, он привезёт заказ завтра.", False),
    ("en", "The driver couldn't contact you and drove away.", True),
    ("en", "The courier got no reply and went back to the depot.", True),
    ("en", "We couldn't reach you and rescheduled the delivery.", False),
    ("en", "If the driver can't reach you, he will call again in an hour.", False),
    ("pl", "Kierowca nie dodzwonił się do Pana i odjechał.", True),
    ("pl", "Kurier nie zastal Pana i pojechal dalej.", True),
    ("pl", "Nie dodzwoniliśmy się do Pana, więc piszemy tutaj.", False),
    ("pl", "Jeśli kurier Pana nie zastanie, zostawi awizo.", False),
    # A reputation for failing.
    ("ru", "Эта транспортная компания славится опозданиями.", True),
    ("ru", "Эта транспортная компания доставляет заказы за два дня.", False),
    ("en", "The carrier is notorious for losing parcels.", True),
    ("en", "That courier firm is known for fast delivery.", False),
    ("en", "The supplier is always late with restocks.", True),
    ("en", "We are always here to help.", False),
    ("pl", "Ten przewoźnik jest znany z opóźnień.", True),
    ("pl", "Ten przewoźnik jest znany z szybkiej dostawy.", False),
    # Poor quality supplied.
    ("ru", "Поставщик прислал некачественный кабель.", True),
    ("ru", "Мы заменим кабель, если он окажется некачественным.", False),
    ("en", "The manufacturer ships substandard chargers.", True),
    ("en", "We checked the charger and its quality is fine.", False),
    ("pl", "Producent przysłał ładowarki kiepskiej jakości.", True),
    ("pl", "Sprawdziliśmy ładowarkę i jest dobrej jakości.", False),
    # «Przez» a third party with a neutral verb and a bad outcome; «przez» a time or a route.
    ("pl", "Przez magazyn zamówienie wyszło tydzień później.", True),
    ("pl", "Przez kuriera karton przyszedł zgnieciony.", True),
    ("pl", "Przez święta paczka dotrze kilka dni później.", False),
    ("pl", "Przez nasz błąd zamówienie wyszło później, przepraszamy.", False),
    # A contact relative clause describing the party; our own act.
    ("en", "The courier firm we use damaged the box.", True),
    ("en", "We damaged the box while packing it, and a new one is on its way.", False),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_ninth_round_blame_families(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
