"""Tenth redirect round (issue #22, tuning10r): sending the client elsewhere without a verb of going, face
to face as the only way, a question about trying, a link placeholder to fill a form at, a notary; legal
references by a sub-point alone or the policy named as the reason; «не могу знать». Each family with near
misses of the same shape in ru, en and pl, through the real linter."""

import pytest

REDIRECTS = [
    # A destination without a verb: a topic, "only", "better" or "need", then where to.
    ("С этим вопросом Вам в сервисный центр.", "ru"),
    ("Тут только к нотариусу, мы доверенность не заверяем.", "ru"),
    ("Лучше сразу в отделение банка, с паспортом.", "ru"),
    ("Z tym tylko do oddziału banku.", "pl"),
    ("Najlepiej od razu do salonu, tam wymienią kartę.", "pl"),
    ("W tej sprawie do operatora, oni widzą numer.", "pl"),
    ("This one is for the branch, I'm afraid.", "en"),
    ("That's one for the hotline, sadly.", "en"),
    ("Your best bet is the service centre on Main Street.", "en"),
    # Face to face as the only or the required way.
    ("Такие изменения вносятся только при личном визите в офис.", "ru"),
    ("Returns are accepted in person only.", "en"),
    ("Wymiana jest możliwa tylko osobiście w salonie.", "pl"),
    # A question about trying asks the client to try.
    ("А Вы не пробовали обратиться в сервисный центр?", "ru"),
    ("Have you tried calling the bank about it?", "en"),
    ("Czy próbowała Pani zadzwonić na infolinię?", "pl"),
    # A form to fill at the link the reply hands over.
    ("Оставьте заявку по ссылке {link}, там её рассмотрят.", "ru"),
    ("Fill in the form at {link} and describe the fault there.", "en"),
    ("Wypełnij formularz pod linkiem {link}.", "pl"),
    # A notary is a place the client is sent to; Polish imperatives in -ś.
    ("Вам надо к нотариусу.", "ru"),
    ("You will need to visit a notary first.", "en"),
    ("Zgłoś się do notariusza z umową.", "pl"),
    ("Zglos sie do oddzialu z dowodem.", "pl"),
]

CLEAN = [
    # Where something goes, or a place in the locative: nobody is sent.
    ("В банк деньги придут завтра.", "ru"),
    ("Тут только в банке видно, откуда списание.", "ru"),
    ("Do banku przelew dotrze jutro.", "pl"),
    ("Z tym tylko do jutra, potem oferta się kończy.", "pl"),
    ("This discount is for the branch staff only.", "en"),
    ("Your best option is the express refund, which I've started.", "en"),
    # In person said as not needed, or a visit already booked.
    ("Лично приезжать не нужно, всё сделаем в чате.", "ru"),
    ("You don't need to come in person.", "en"),
    ("Nie musi Pan przychodzić osobiście.", "pl"),
    ("Ваш визит подтверждён на {date}.", "ru"),
    ("Данные можно изменить только в личном кабинете.", "ru"),
    ("Курьер передаст заказ только лично Вам в руки.", "ru"),
    ("The courier hands the parcel over only to you in person.", "en"),
    ("Kurier przekaże paczkę tylko osobiście.", "pl"),
    ("Od razu do serwisu trafił telefon.", "pl"),
    ("Try the bank app, it shows the balance.", "en"),
    # Trying something that is not another channel.
    ("Вы не пробовали перезагрузить телефон?", "ru"),
    ("Have you tried restarting the phone?", "en"),
    ("Czy próbował Pan zrestartować router?", "pl"),
    # A link to follow the order, not a form to write to.
    ("Статус заказа можно отслеживать по ссылке {link}.", "ru"),
    ("You can track the parcel at {link}.", "en"),
    ("Fakturę pobierze Pan pod linkiem {link}.", "pl"),
    # A notary named, not gone to.
    ("Нотариальная доверенность не нужна.", "ru"),
    ("No notary is needed for the return.", "en"),
    ("Notariusz nie jest potrzebny przy zwrocie.", "pl"),
    # Our own call to a place is what helps.
    ("Наш звонок в банк поможет ускорить возврат.", "ru"),
    ("Our call to the bank will help speed up the refund.", "en"),
    ("Nasz telefon do banku pomoże przyspieszyć zwrot.", "pl"),
]

LEGAL = [
    ("Возврат невозможен, см. п. 7.3.", "ru"),
    ("It's company policy not to refund opened software.", "en"),
    ("That's our policy for gift cards.", "en"),
    ("Taka jest polityka firmy, nie zwracamy kart podarunkowych.", "pl"),
    ("That's the law, sadly.", "en"),
]

NOT_LEGAL = [
    ("Посылка весит 7.3 кг.", "ru"),
    ("It's a policy number, not an order number.", "en"),
    ("That's your insurance policy, not ours.", "en"),
    ("Taka jest cena promocyjna do piątku.", "pl"),
    ("That's the terms of the deal: two months free.", "en"),
]


@pytest.mark.parametrize("body,language", REDIRECTS)
def test_tenth_round_redirect_families(body, language, rules_of):
    assert "redirect-channel" in rules_of(body, language)


@pytest.mark.parametrize("body,language", CLEAN)
def test_tenth_round_near_misses_stay_clean(body, language, rules_of):
    assert "redirect-channel" not in rules_of(body, language)


@pytest.mark.parametrize("body,language", LEGAL)
def test_tenth_round_legal_references(body, language, rules_of):
    assert "legal-reference" in rules_of(body, language)


@pytest.mark.parametrize("body,language", NOT_LEGAL)
def test_tenth_round_legal_near_misses(body, language, rules_of):
    assert "legal-reference" not in rules_of(body, language)


def test_cannot_know_is_i_dont_know(rules_of):
    assert "i-dont-know" in rules_of("Не могу знать, когда придёт поставка.", "ru")
    assert "i-dont-know" not in rules_of("Не могу не сказать спасибо за терпение.", "ru")
