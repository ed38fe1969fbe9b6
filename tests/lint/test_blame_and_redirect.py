"""Blame-shift and redirect-channel on held-out wordings (none of them in the dev set).

Each rule decides from the sentence, not from a list of sentences: a third party together with a
fault or a disowning is blame, a third party in a plain fact is not; a request to use another
channel is a redirect, a fact about a channel or an invitation back to this chat is not.
"""
import pytest

BLAME = {
    "ru": {
        "breaks": [
            "Заказ задержался, потому что водитель перепутал маршрут.",
            "Простите, это бухгалтерия неправильно оформила возврат.",
            "Поставщик снова сорвал сроки, так что мы ждём вместе с Вами.",
            "Посылку повредила транспортная компания при перевозке.",
            "Банк-партнёр затянул проверку, претензии к нему.",
            "Мастер забыл взять запчасти, поэтому ремонт перенесли.",
            "Оператор, с которым Вы говорили вчера, дал неверную информацию.",
            "Виноват курьер: он не дозвонился и увёз заказ обратно.",
            "Склад отгрузил не тот цвет.",
            "Это на совести службы доставки, мы тут ни при чём.",
        ],
        "passes": [
            "Курьер привезёт заказ завтра с 10 до 14.",
            "Мы перепутали цвет при сборке, простите, замену отправим сегодня.",
            "Банк обычно зачисляет деньги в течение суток.",
            "Я уточнила у склада: товар уже упакован.",
            "Если курьер привёз не тот товар, пришлите фото, и мы заменим его.",
            "Мастер приедет с запчастями и всё проверит.",
            "Производитель даёт на эту модель гарантию 2 года.",
            "Служба доставки сообщила, что посылка прибудет в пятницу.",
            "Я ошиблась в расчёте, прошу прощения: правильная сумма — {amount}.",
            "Коллеги из отдела качества уже проверяют Ваше обращение.",
            "Адрес можно изменить, пока заказ не передан курьеру.",
        ],
    },
    "en": {
        "breaks": [
            "The driver went to the wrong address, so it's on him.",
            "Our carrier damaged the box in transit.",
            "Accounting processed the refund incorrectly.",
            "The technician forgot to bring the spare part.",
            "Blame the bank for this one, they held the payment.",
            "The supplier failed to ship on time, which is why your order is late.",
            "Someone in the returns department misplaced your request.",
            "That was the payment processor's error, not ours.",
            "Your parcel was delayed by the courier company.",
            "It's the warehouse's fault that the item arrived late.",
        ],
        "passes": [
            "The courier will ring you 30 minutes before arrival.",
            "We sent the wrong size, and I'm sorry about that. The right one ships today.",
            "Your bank may take up to 5 working days to show the refund.",
            "I checked with the warehouse and your order is packed.",
            "If the driver left the parcel at the wrong door, let me know and I'll sort it out.",
            "Our technician will bring the replacement part on Monday.",
            "I made a mistake in the invoice, and I've already corrected it.",
            "The manufacturer offers a two-year warranty on this model.",
            "Was anything damaged when the courier delivered it?",
            "Our delivery partner has confirmed the new date.",
        ],
    },
    "pl": {
        "breaks": [
            "Kierowca pomylił adresy i dlatego paczka nie dotarła.",
            "Serwisant zapomniał zabrać części, stąd opóźnienie.",
            "To przewoźnik uszkodził paczkę, nie my.",
            "Dział księgowości błędnie naliczył zwrot.",
            "Paczka zaginęła z winy firmy kurierskiej.",
            "Bank wstrzymał przelew, pretensje proszę kierować do niego.",
            "Magazyn wysłał nie ten kolor.",
            "Koleżanka z infolinii podała Panu złą cenę.",
            "Przez pomyłkę kuriera paczka wróciła do magazynu.",
            "Producent dostarczył wadliwą partię, nic nie możemy zrobić.",
        ],
        "passes": [
            "Kurier przyjedzie jutro między 10 a 14.",
            "Pomyliłam się przy wycenie, przepraszam: prawidłowa kwota to {amount}.",
            "Bank zaksięguje zwrot w ciągu 3 dni roboczych.",
            "Sprawdziłem w magazynie: paczka jest już spakowana.",
            "Jeśli kurier uszkodził paczkę, proszę przesłać zdjęcie, a wymienimy towar.",
            "Serwisant zadzwoni do Pana przed wizytą.",
            "Zgubiliśmy Pana zgłoszenie, bardzo przepraszam, już je odtworzyłem.",
            "Producent udziela dwóch lat gwarancji.",
            "Przekazałam sprawę koledze z działu reklamacji, odezwie się dziś.",
            "Przewoźnik potwierdził nowy termin dostawy.",
        ],
    },
}

REDIRECT = {
    "ru": {
        "breaks": [
            "По этому вопросу звоните в колл-центр.",
            "Вам нужно обратиться в банк, выпустивший карту.",
            "Сдайте телевизор в ближайший сервисный центр.",
            "Отправьте письмо на адрес claims@shop.ru.",
            "Можно уточнить статус по телефону 8 800 555-35-35.",
            "Подойдите, пожалуйста, в наш офис на Тверской.",
            "Свяжитесь с производителем — он решает гарантийные вопросы.",
            "Наберите нам по номеру горячей линии.",
            "Лучше приехать в сервисный центр лично.",
            "Пишите на почту, там ответят быстрее.",
        ],
        "passes": [
            "Курьер наберёт Вас за 30 минут до приезда.",
            "Мы отправим чек на Вашу почту сразу после оплаты.",
            "Если будут вопросы, напишите мне здесь же.",
            "Напишите, пожалуйста, номер телефона, который указан в заказе.",
            "Напишите, пожалуйста, Вашу электронную почту для чека.",
            "Заказ можно забрать в магазине на Ленина, 5.",
            "Мастер позвонит Вам и согласует время визита.",
            "Если что-то изменится, пишите в этот же чат.",
            "Банк пришлёт SMS с кодом подтверждения.",
            "Подскажите, пожалуйста, адрес доставки.",
            "Оформить возврат можно прямо здесь, в чате.",
        ],
    },
    "en": {
        "breaks": [
            "Just drop us an email at help@shop.com.",
            "You have to contact your bank about this charge.",
            "Head over to our nearest branch with your ID.",
            "Please ring our support team on 0800 123 456.",
            "The quickest way is to phone the store directly.",
            "For a refund, you should speak to the seller.",
            "Write to claims@shop.com with your order number.",
            "Bring the device to any service centre for a check.",
            "Pop into your local store and they will swap it.",
            "You'll need to get in touch with the manufacturer.",
        ],
        "passes": [
            "The courier will ring you 30 minutes before arrival.",
            "We have emailed you the return label.",
            "Please write to us here if anything changes.",
            "Please send us a photo of the damage in this chat.",
            "Could you tell me your phone number, please?",
            "Your bank will show the refund within 5 days.",
            "You can pick up the order at our store from tomorrow.",
            "Please check your email for the confirmation.",
            "Go to My orders and tap Return.",
            "Feel free to message us here any time.",
        ],
    },
    "pl": {
        "breaks": [
            "Proszę skontaktować się z bankiem, który wydał kartę.",
            "Musi Pan udać się do najbliższego oddziału.",
            "Zadzwoń pod numer 22 123 45 67.",
            "Najlepiej napisać maila na adres reklamacje@sklep.pl.",
            "Proszę przynieść sprzęt do serwisu.",
            "Należy zgłosić się osobiście do salonu.",
            "Zapraszamy do naszego salonu przy ul. Długiej.",
            "Może Pan zapytać o to na infolinii.",
            "Prosimy o kontakt telefoniczny z działem obsługi.",
            "Proszę wysłać zapytanie mailem do producenta.",
        ],
        "passes": [
            "Kurier zadzwoni do Pana pół godziny przed dostawą.",
            "Fakturę wyślemy na Pana adres e-mail.",
            "Proszę pisać do mnie tutaj, na czacie.",
            "Proszę podać numer telefonu do kontaktu.",
            "Zamówienie można odebrać w sklepie od jutra.",
            "Bank przyśle SMS z kodem.",
            "Jeśli coś się zmieni, proszę napisać na czacie.",
            "Serwisant zadzwoni przed przyjazdem.",
            "Potwierdzenie otrzyma Pan SMS-em.",
            "Proszę sprawdzić skrzynkę e-mail.",
        ],
    },
}


def _cases(table):
    return [(language, body, breaks) for language, groups in table.items()
            for key, breaks in (("breaks", True), ("passes", False)) for body in groups[key]]


@pytest.mark.parametrize("language, body, breaks", _cases(BLAME))
def test_blame_is_a_third_party_with_a_fault_not_a_mention(rules_of, language, body, breaks):
    assert ("blame-shift" in rules_of(body, language)) is breaks


@pytest.mark.parametrize("language, body, breaks", _cases(REDIRECT))
def test_redirect_is_a_request_to_use_another_channel_not_a_fact(rules_of, language, body, breaks):
    assert ("redirect-channel" in rules_of(body, language)) is breaks
