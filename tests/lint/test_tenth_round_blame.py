"""Blame-shift families read in the tenth blame round (issue #22), on wordings of their own, not tuning10b's
sentences nor any held-out set's.

Our own people outside the chat are third parties when they are blamed: another shift («ночная смена», "the
night shift", «nocna zmiana»), head office («головной офис», "headquarters", «centrala»), a department named with
a hyphen («ИТ-отдел») or typed without diacritics («dzial»), IT staff. A third party overloaded («курьеры
перегружены», "understaffed", «przeciążeni»), a defect it sent («с браком»), or blocking something in the present
is at fault; we overloaded, or a third party that helps, is not. Resignation («что тут поделаешь», "what can you
do", «cóż zrobić») hands the problem to the party named beside it. "Didn't pass on your request" is a job not
done, not the client's request carried out; «przedłużył certyfikat» prolongs a validity, it delays nothing.
"""

import pytest

CASES = [
    # (language, body, blame)
    # Another shift, head office, a department with a hyphen or without diacritics, IT staff.
    ("ru", "Ночная смена не отправила Ваш заказ.", True),
    ("ru", "Ночная смена отправит Ваш заказ утром.", False),
    ("ru", "Центральный офис перепутал Ваши документы.", True),
    ("ru", "Центральный офис подтвердил Ваши документы.", False),
    ("ru", "Наш ИТ-отдел уже исправил ошибку на сайте.", False),
    ("ru", "Айтишники забыли включить оплату картой.", True),
    ("en", "The night shift forgot to ship your order.", True),
    ("en", "The night shift will ship your order first thing.", False),
    ("en", "Headquarters mixed up your documents.", True),
    ("en", "Headquarters approved your documents this morning.", False),
    ("en", "The IT team broke the card payment page yesterday.", True),
    ("en", "The IT team has restored the card payment page.", False),
    ("pl", "Nocna zmiana nie wysłała Pana zamówienia.", True),
    ("pl", "Nocna zmiana wyśle Pana zamówienie rano.", False),
    ("pl", "Centrala pomyliła Pani dokumenty.", True),
    ("pl", "Centrala zatwierdziła Pani dokumenty.", False),
    ("pl", "Dzial reklamacji zgubil Pana zgloszenie.", True),
    ("pl", "Dzial reklamacji przyjal Pana zgloszenie.", False),
    # A third party overloaded, a defect sent, blocking in the present.
    ("ru", "Сейчас сборщики перегружены, поэтому заказ задерживается.", True),
    ("ru", "Сейчас мы перегружены заказами, простите за ожидание.", False),
    ("ru", "Фабрика отгрузила кресла с дефектом.", True),
    ("ru", "Фабрика отгрузила кресла, они приедут в пятницу.", False),
    ("ru", "Банк, похоже, блокирует этот платёж.", True),
    ("en", "The carriers are understaffed this week, so parcels are late.", True),
    ("en", "We are short-staffed this week, so I'm answering a little slower.", False),
    ("en", "The bank seems to be blocking your transfers.", True),
    ("en", "The bank is checking your transfer and will release it today.", False),
    ("pl", "Kurierzy są przeciążeni, więc paczki jadą dłużej.", True),
    ("pl", "Jesteśmy teraz przeciążeni, dlatego odpowiadam wolniej.", False),
    ("pl", "Bank chyba blokuje Pana przelew.", True),
    ("pl", "Bank sprawdza Pana przelew i zaksięguje go dziś.", False),
    # Resignation beside a named third party; alone, or about our own work, it blames nobody.
    ("ru", "Что же поделать, курьерская служба работает медленно.", True),
    ("en", "What can one do, the carrier has its own schedule and it's slow.", True),
    ("en", "What can you do to speed this up? I'll check it right now.", False),
    ("pl", "Cóż poradzić, przewoźnik znowu się spóźnia.", True),
    ("pl", "Cóż, sprawdzę to od razu i wrócę z odpowiedzią.", False),
    # "Pass on your request" is the job; a validity prolonged is no delay.
    ("en", "The other agent never passed on your request, so it sat unanswered.", True),
    ("en", "I've passed on your request to the billing team, and they will reply today.", False),
    ("pl", "Bank przedłużył ważność Pana karty do 2030 roku.", False),
    ("pl", "Przewoźnik przedłużył dostawę o tydzień.", True),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_tenth_round_blame_families(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
