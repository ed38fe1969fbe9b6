"""Blame-shift families read in the tenth blame round (issue #22), on wordings of their own, not tuning10b's
sentences nor any held-out set's.

Our own people outside the chat are third parties when they are blamed: another shift («ночная смена», "the
night shift", «nocna zmiana»), head office («головной офис», "headquarters", «centrala»), a department named with
a hyphen («ИТ-отдел») or typed without diacritics («dzial»), IT staff. A third party overloaded («курьеры
перегружены», "understaffed", «przeciążeni»), a defect it sent («с браком»), or blocking something in the present
is at fault; we overloaded, or a third party that helps, is not. Resignation («что тут поделаешь», "what can you
do", «cóż zrobić») hands the problem to the party named beside it. "Didn't pass on your request" is a job not
done, not the client's request carried out; «przedłużył certyfikat» prolongs a validity, it delays nothing.
Colloquial verbs of messing up («напортачили», "bungled", «spartaczyli»), a delay of any length («с двухдневной
задержкой», «z dwudniowym poślizgiem»), "weeks behind schedule", the parcel left at the door or outside, a tautology
of resignation («работает так, как работает», «działa, jak działa») and a fault arising on a third party's side are
blame; the same said of us, planned, or done "as you asked" («как Вы просили», «tak jak Pan prosił») is not.
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
    # Messing up in colloquial verbs; a delay of any length; running behind; leaving the parcel at the door.
    ("ru", "Упаковщики напортачили с Вашим заказом.", True),
    ("ru", "Склад передал заказ с двухдневной задержкой.", True),
    ("ru", "Мы передали заказ с небольшой задержкой, простите нас.", False),
    ("ru", "Водитель оставил коробку на лестнице.", True),
    ("ru", "Водитель оставит коробку у двери, как Вы просили.", False),
    ("en", "The installers bungled the fitting.", True),
    ("en", "We bungled the fitting, and our installer will redo it tomorrow.", False),
    ("en", "The carrier is weeks behind schedule.", True),
    ("en", "The driver left your box on the porch in the rain.", True),
    ("en", "As you requested, the driver left your box on the porch.", False),
    ("pl", "Monterzy spartaczyli montaż.", True),
    ("pl", "Magazyn wydał paczkę z dwudniowym poślizgiem.", True),
    ("pl", "Wysłaliśmy paczkę z jednodniowym opóźnieniem, przepraszamy.", False),
    ("pl", "Kurier zostawił karton na klatce.", True),
    ("pl", "Kurier zostawi karton pod drzwiami, tak jak Pan prosił.", False),
    # Resignation as a tautology ("it works the way it works"); a problem arising on a third party's side.
    ("ru", "Служба доставки работает так, как работает.", True),
    ("ru", "Служба доставки работает с 9 до 18.", False),
    ("en", "The post office works the way it works, I'm afraid.", True),
    ("pl", "Poczta działa tak, jak działa.", True),
    ("pl", "Poczta działa od 8 do 20.", False),
    ("pl", "Awaria wystąpiła po stronie operatora płatności.", True),
    ("pl", "Sprawdzę, czy awaria nie wystąpiła po naszej stronie.", False),
    # Rejecting something of ours or the client's in the present; a rule about payments in general is a fact.
    ("ru", "Эквайер отклоняет все наши возвраты.", True),
    ("ru", "Банк отклоняет платежи, если на карте нет денег.", False),
    ("en", "The gateway is rejecting your card for some reason.", True),
    ("en", "The bank blocks cards when a payment looks unusual.", False),
    ("pl", "Operator płatności odrzuca nasze zwroty.", True),
    ("pl", "Bank odrzuca płatności, gdy brakuje środków.", False),
    # A job half done («недокрутили»), a partner's system down, a failure at a third party, dragging it out.
    ("ru", "Сантехник недокрутил шланг.", True),
    ("en", "The carrier's system is down again, so tracking is stuck.", True),
    ("en", "Our website is down right now, and we are fixing it.", False),
    ("en", "The service centre keeps dragging the repair out.", True),
    ("pl", "U przewoźnika znowu awaria, więc paczki stoją.", True),
    ("pl", "U przewoźnika paczka będzie jutro rano.", False),
    # The client's request in any wording: «по Вашему запросу».
    ("ru", "Банк заблокировал карту по Вашему запросу.", False),
    # "Pass on your request" is the job; a validity prolonged is no delay.
    ("en", "The other agent never passed on your request, so it sat unanswered.", True),
    ("en", "I've passed on your request to the billing team, and they will reply today.", False),
    ("pl", "Bank przedłużył ważność Pana karty do 2030 roku.", False),
    ("pl", "Przewoźnik przedłużył dostawę o tydzień.", True),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_tenth_round_blame_families(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
