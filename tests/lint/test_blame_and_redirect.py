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


# More held-out wordings: library-style facts and invitations back to the chat that must stay clean,
# and paraphrases of blame and redirects that must be caught.
MORE = [
    ('ru', '', 'Курьер свяжется с Вами накануне доставки.'),
    ('ru', '', 'Если хотите, я могу оформить обмен прямо здесь.'),
    ('ru', '', 'Если понадобится помощь, пишите нам в чат — мы на связи круглосуточно.'),
    ('ru', '', 'Вы можете написать нам сюда снова в любое время.'),
    ('ru', '', 'Возврат средств на карту занимает до 10 рабочих дней, это зависит от банка.'),
    ('ru', '', 'Заказ ждёт Вас в пункте выдачи, его можно забрать с паспортом.'),
    ('ru', '', 'Приходите за заказом в пункт выдачи с 10 до 21.'),
    ('ru', '', 'Ваш банк может запросить подтверждение платежа по SMS.'),
    ('ru', '', 'Сервисный центр проверит технику и сообщит результат в течение 20 дней.'),
    ('ru', '', 'Я уже передала Ваш вопрос коллегам, они ответят здесь в течение часа.'),
    ('ru', '', 'Напишите, пожалуйста, номер заказа, и я всё проверю.'),
    ('ru', '', 'Уточните, пожалуйста, удобное время доставки.'),
    ('ru', '', 'Пришлите, пожалуйста, фото чека в этот чат.'),
    ('ru', '', 'Чтобы сменить адрес, напишите его сюда, и я передам курьеру.'),
    ('ru', '', 'Производитель рекомендует хранить упаковку до конца гарантийного срока.'),
    ('ru', '', 'Мы потеряли Вашу заявку, простите. Я уже создала новую.'),
    ('ru', '', 'Я перепутала даты, извините: доставка будет {date}.'),
    ('ru', '', 'Заказ задерживается на складе из-за большого числа заказов, мы ускоряем сборку.'),
    ('ru', '', 'Курьер задерживается из-за пробок и будет у Вас через 30 минут.'),
    ('ru', '', 'Чек пришлём на почту, указанную в заказе.'),
    ('ru', '', 'Позвонить курьеру можно по номеру из SMS.'),
    ('ru', 'redirect-channel', 'Позвоните курьеру по номеру из SMS.'),
    ('ru', 'redirect-channel', 'Вам придётся самостоятельно обратиться к продавцу.'),
    ('ru', 'redirect-channel', 'Обратитесь, пожалуйста, в любой наш магазин.'),
    ('ru', 'redirect-channel', 'Для этого необходимо посетить отделение банка.'),
    ('ru', 'redirect-channel', 'Направьте претензию на почту support@shop.ru.'),
    ('ru', 'blame-shift', 'Оплату не провёл банк-эквайер, так что мы тут ни при чём.'),
    ('ru', 'blame-shift', 'Курьерская служба опять не довезла заказ вовремя.'),
    ('ru', 'blame-shift', 'Эту ошибку допустил наш подрядчик, не мы.'),
    ('ru', 'blame-shift', 'Диспетчер неправильно записал адрес.'),
    ('ru', 'blame-shift', 'Наш партнёр потерял документы по Вашему заказу.'),
    ('en', '', 'The courier will contact you before delivery.'),
    ('en', '', 'If you need anything else, just message us here.'),
    ('en', '', 'You can write to us in this chat any time.'),
    ('en', '', 'Your bank usually shows the refund within 3–5 working days.'),
    ('en', '', "Please send a photo of the receipt here and I'll check it."),
    ('en', '', 'Please let me know your order number.'),
    ('en', '', 'You can collect the order from our store from tomorrow.'),
    ('en', '', 'Our team will call you to arrange a convenient time.'),
    ('en', '', "We lost your request, I'm very sorry. I've created a new one."),
    ('en', '', 'I mixed up the dates, sorry: your delivery is on {date}.'),
    ('en', '', 'The order is delayed at our warehouse, and we are speeding it up.'),
    ('en', '', 'Please reply to this chat if anything changes.'),
    ('en', '', 'The technician will visit you on {date} between 9 and 12.'),
    ('en', '', 'Please visit the Returns page of your account to print the label.'),
    ('en', 'redirect-channel', 'Please contact the seller directly about this.'),
    ('en', 'redirect-channel', 'You should call your bank to unblock the card.'),
    ('en', 'redirect-channel', 'Call 0800 123 456 to book the repair.'),
    ('en', 'redirect-channel', "Email us at help@shop.com and we'll take a look."),
    ('en', 'redirect-channel', 'Go to your nearest branch with the receipt.'),
    ('en', 'blame-shift', "Our courier partner lost the parcel, so it's out of our hands."),
    ('en', 'blame-shift', 'The previous agent gave you incorrect information.'),
    ('en', 'blame-shift', 'The bank made an error with your refund.'),
    ('en', 'blame-shift', 'It was the carrier that damaged your item.'),
    ('pl', '', 'Kurier skontaktuje się z Panem przed dostawą.'),
    ('pl', '', 'Jeśli będzie Pan czegoś potrzebował, proszę napisać tutaj.'),
    ('pl', '', 'Może Pan do nas pisać na tym czacie o każdej porze.'),
    ('pl', '', 'Zwrot pojawi się na koncie w ciągu 3–5 dni roboczych, zależnie od banku.'),
    ('pl', '', 'Zamówienie można odebrać w naszym sklepie od jutra.'),
    ('pl', '', 'Proszę przesłać zdjęcie paragonu na czacie.'),
    ('pl', '', 'Proszę podać numer zamówienia.'),
    ('pl', '', 'Zgubiliśmy Pana zgłoszenie, przepraszam. Już założyłam nowe.'),
    ('pl', '', 'Pomyliłem daty, przepraszam: dostawa będzie {date}.'),
    ('pl', '', 'Serwis sprawdzi sprzęt i przekaże wynik w ciągu 14 dni.'),
    ('pl', 'redirect-channel', 'Proszę zadzwonić do banku, aby odblokować kartę.'),
    ('pl', 'redirect-channel', 'Musi Pani skontaktować się ze sprzedawcą.'),
    ('pl', 'redirect-channel', 'Proszę udać się do punktu serwisowego producenta.'),
    ('pl', 'redirect-channel', 'Napisz do nas maila na adres pomoc@sklep.pl.'),
    ('pl', 'blame-shift', 'Firma kurierska zgubiła paczkę, to ich wina.'),
    ('pl', 'blame-shift', 'Poprzedni konsultant podał błędne informacje.'),
    ('pl', 'blame-shift', 'Bank odrzucił płatność, nie mamy na to wpływu.'),
    ('pl', 'blame-shift', 'Opóźnienie wynika z winy przewoźnika.'),
    ('ru', '', 'Здравствуйте! Я Ваш персональный менеджер, пишите мне сюда по любым вопросам.'),
    ('ru', '', 'Курьер уже в пути и прибудет в течение часа.'),
    ('ru', '', 'Сборка заказа займёт около двух часов, после чего мы передадим его в доставку.'),
    ('ru', '', 'Если товар не подошёл, оформите возврат в личном кабинете.'),
    ('ru', '', 'Для оплаты перейдите по ссылке {link}.'),
    ('ru', '', 'Заберите заказ в постамате по коду из SMS.'),
    ('ru', '', 'Подтвердите, пожалуйста, адрес доставки.'),
    ('ru', '', 'Проверьте, пожалуйста, папку «Спам» в Вашей почте.'),
    ('ru', '', 'Введите промокод в корзине перед оплатой.'),
    ('ru', '', 'Я вижу, что банк ещё обрабатывает платёж, обычно это занимает несколько минут.'),
    ('ru', '', 'Мастер приедет {date} и установит технику.'),
    ('ru', '', 'Оператор службы доставки подтвердил новую дату.'),
    ('ru', '', 'К сожалению, этого товара сейчас нет на складе, но я сообщу Вам о поступлении.'),
    ('ru', '', 'Мы ошиблись с комплектацией: недостающий кабель отправим сегодня бесплатно.'),
    ('ru', '', 'Посылка повреждена при транспортировке, мы уже отправили замену.'),
    ('ru', '', 'Отправьте, пожалуйста, фото повреждений сюда, в чат.'),
    ('ru', '', 'Расскажите, пожалуйста, что случилось, и я помогу.'),
    ('ru', '', 'Вы можете оплатить заказ в магазине при получении.'),
    ('ru', '', 'Обратите внимание: акция действует до {date}.'),
    ('ru', '', 'Обращайтесь, если будут вопросы!'),
    ('ru', '', 'Обращайтесь к нам в чат в любое время.'),
    ('ru', '', 'Напишите мне, если курьер не приедет вовремя.'),
    ('ru', '', 'Позвольте уточнить: заказ оформлен на Ваше имя?'),
    ('ru', '', 'Подождите, пожалуйста, я проверю информацию на складе.'),
    ('ru', '', 'Курьер передаст Вам документы на подпись.'),
    ('ru', '', 'Спасибо, что сообщили! Я передам информацию в отдел качества.'),
    ('en', '', 'Feel free to reach out here if you have any other questions.'),
    ('en', '', 'Please confirm your delivery address.'),
    ('en', '', 'Check your spam folder in case the email went there.'),
    ('en', '', 'Let me check with the warehouse and come back to you.'),
    ('en', '', 'Your order has left our warehouse and is on its way.'),
    ('en', '', 'The refund has been sent to your bank.'),
    ('en', '', 'Please bear with me while I contact the warehouse.'),
    ('en', '', "Reply here with a photo and I'll arrange a replacement."),
    ('en', '', 'Take a photo of the label and send it to me here.'),
    ('en', '', 'Come back to this chat any time.'),
    ('en', '', 'Give me a moment while I check with our courier partner.'),
    ('en', '', "I'll call the courier and ask him to come back today."),
    ('en', '', "Please don't worry, we'll contact the carrier ourselves."),
    ('en', '', 'We made a mistake with your order, and the courier will swap the item tomorrow.'),
    ('pl', '', 'Proszę chwilę poczekać, sprawdzę to w magazynie.'),
    ('pl', '', 'Kurier jest już w drodze.'),
    ('pl', '', 'Proszę potwierdzić adres dostawy.'),
    ('pl', '', 'Proszę sprawdzić folder spam w skrzynce pocztowej.'),
    ('pl', '', 'Zapraszamy ponownie na nasz czat.'),
    ('pl', '', 'Zapraszam do kontaktu na czacie w razie pytań.'),
    ('pl', '', 'Sami skontaktujemy się z przewoźnikiem.'),
    ('pl', '', 'Przekażę zgłoszenie do działu reklamacji i wrócę z odpowiedzią.'),
    ('pl', '', 'Bank potrzebuje zwykle do 3 dni na zaksięgowanie zwrotu.'),
    ('pl', '', 'Proszę napisać, jeśli kurier się nie pojawi.'),
    ('pl', '', 'Zwrot można zgłosić w zakładce Moje zamówienia.'),
    ('ru', 'blame-shift', 'Увы, заказ не доставили вовремя из-за курьерской службы.'),
    ('ru', 'blame-shift', 'Курьерская служба не справилась с нагрузкой.'),
    ('ru', 'blame-shift', 'Ответственность за задержку лежит на перевозчике.'),
    ('ru', 'blame-shift', 'Претензии, пожалуйста, к службе доставки.'),
    ('ru', 'blame-shift', 'Сотрудник склада забыл вложить чек.'),
    ('ru', 'blame-shift', 'Это всё водитель: он перепутал дома.'),
    ('en', 'blame-shift', 'Honestly, the courier company dropped the ball here.'),
    ('en', 'blame-shift', "This is down to the courier, I'm afraid."),
    ('en', 'blame-shift', 'The problem lies with your bank.'),
    ('en', 'blame-shift', 'Our dispatcher mixed the orders up.'),
    ('pl', 'blame-shift', 'Winny jest kurier.'),
    ('pl', 'blame-shift', 'Za opóźnienie odpowiada przewoźnik.'),
    ('pl', 'blame-shift', 'Pracownik magazynu zapomniał dołożyć kabel.'),
    ('ru', 'redirect-channel', 'Звоните на горячую линию, там подскажут.'),
    ('ru', 'redirect-channel', 'Вам лучше сразу связаться с банком.'),
    ('ru', 'redirect-channel', 'Рекомендую обратиться в сервисный центр производителя.'),
    ('ru', 'redirect-channel', 'Приезжайте к нам в офис, там всё оформят.'),
    ('en', 'redirect-channel', "Ring the hotline and they'll help."),
    ('en', 'redirect-channel', "I'd suggest you contact the manufacturer."),
    ('en', 'redirect-channel', 'We recommend visiting one of our stores.'),
    ('pl', 'redirect-channel', 'Proszę dzwonić na infolinię.'),
    ('pl', 'redirect-channel', 'Warto skontaktować się z producentem.'),
    ('pl', 'redirect-channel', 'Zachęcamy do odwiedzenia naszego salonu.'),
    ('ru', '', 'Если Вам удобнее, я могу перезвонить Вам в течение часа.'),
    ('ru', '', 'Оператор перезвонит Вам в течение 15 минут.'),
    ('ru', '', 'Пожалуйста, дождитесь звонка курьера.'),
    ('ru', '', 'Курьер не смог до Вас дозвониться, поэтому заказ вернулся на склад.'),
    ('ru', '', 'Доставка задерживается из-за погодных условий, приносим извинения за ожидание.'),
    ('ru', '', 'Я проверила: ошибки со стороны банка нет, платёж прошёл успешно.'),
    ('ru', '', 'Сотрудник склада упакует заказ сегодня.'),
    ('ru', '', 'К сожалению, товар повреждён. Я уже оформила замену.'),
    ('ru', '', 'Вам придёт SMS от службы доставки с кодом получения.'),
    ('ru', '', 'Ответьте, пожалуйста, на это сообщение, чтобы подтвердить заказ.'),
    ('ru', '', 'Передайте, пожалуйста, курьеру код из SMS.'),
    ('ru', '', 'Сообщите курьеру, если домофон не работает.'),
    ('ru', 'redirect-channel', 'Все вопросы по гарантии решает сервисный центр, обращайтесь туда.'),
    ('ru', 'blame-shift', 'Коллега по ошибке отменил Ваш заказ.'),
    ('en', '', "If it's easier, I can call you back within the hour."),
    ('en', '', "Please wait for the courier's call."),
    ('en', '', "The courier couldn't reach you, so the parcel went back to the depot."),
    ('en', '', 'Delivery is delayed because of the weather, sorry for the wait.'),
    ('en', '', 'Please give the courier the code from the SMS.'),
    ('en', '', "Let the driver know if the intercom doesn't work."),
    ('en', '', 'Please reply to this message to confirm.'),
    ('en', 'blame-shift', 'Our partner carrier lost your parcel.'),
    ('en', 'redirect-channel', 'Please take it to the post office and send it back.'),
    ('pl', '', 'Jeśli Panu wygodniej, mogę oddzwonić w ciągu godziny.'),
    ('pl', '', 'Proszę czekać na telefon od kuriera.'),
    ('pl', '', 'Kurier nie mógł się do Pana dodzwonić, więc paczka wróciła do magazynu.'),
    ('pl', '', 'Proszę przekazać kurierowi kod z SMS-a.'),
    ('pl', '', 'Proszę odpowiedzieć na tę wiadomość, aby potwierdzić zamówienie.'),
    ('pl', 'blame-shift', 'Kolega przez pomyłkę anulował Pana zamówienie.'),
]


@pytest.mark.parametrize("language, rule, body", MORE)
def test_more_held_out_wordings(rules_of, language, rule, body):
    found = rules_of(body, language) & {"blame-shift", "redirect-channel"}
    assert found == ({rule} if rule else set())


# Seventh round: blame read from what causes the problem and who (if anyone) did it.
CAUSE_CLAUSES = [
    # A clause giving the cause of a problem, with a third party as its subject, puts the problem on it.
    ("ru", "Доставка затянулась, потому что перевозчик медленно обрабатывает заявки.", True),
    ("ru", "Возврат идёт дольше обычного из-за того, что эквайер работает со сбоями.", True),
    ("ru", "Посылка пришла мятой, так как склад плохо её упаковал.", True),
    ("en", "Your parcel is delayed because the carrier is slow with the paperwork.", True),
    ("en", "The box arrived dented because the supplier wrapped it poorly.", True),
    ("pl", "Dostawa się opóźnia, bo przewoźnik wolno obsługuje zlecenia.", True),
    ("pl", "Zwrot utknął, ponieważ operator płatności długo weryfikuje przelewy.", True),
    # Near misses: the cause is ours, still under way, a plain schedule, or a condition.
    ("ru", "Доставка затянулась, потому что мы поздно передали заказ.", False),
    ("ru", "Заказ приедет в пятницу, потому что перевозчик работает по графику.", False),
    ("ru", "Оплата ещё в обработке, потому что банк пока не подтвердил перевод.", False),
    ("en", "Your parcel is delayed because we packed it late.", False),
    ("en", "The refund takes three days because the bank processes it overnight.", False),
    ("pl", "Dostawa się opóźnia, bo my za późno nadaliśmy paczkę.", False),
    ("pl", "Zwrot trwa kilka dni, bo bank księguje przelewy w dni robocze.", False),
]
UNNAMED_AGENTS = [
    # A plural verb with no subject and nobody in the sentence being "we": somebody else did the fault.
    ("ru", "Коробку помяли где-то по дороге.", True),
    ("ru", "Ваш заказ не довезли до пункта выдачи вовремя.", True),
    ("pl", "Paczkę uszkodzili gdzieś w trasie.", True),
    # Near misses: a plural subject of its own, the client, first person, something not yet done.
    ("ru", "Деньги зависли на пару минут и уже поступили.", False),
    ("ru", "Вы перепутали подъезд, ничего страшного, курьер подождёт.", False),
    ("ru", "Коробку помяли при сборке, простите нас, мы заменим её сегодня.", False),
    ("ru", "Заказ ещё не довезли, он в пути.", False),
    ("pl", "Uszkodzili paczkę, ale już wysłaliśmy nową i przepraszamy.", False),
    ("pl", "Państwo pomylili numer mieszkania, ale kurier już jedzie.", False),
]
FOUND_REFUSED_EXTERNAL = [
    # What a third party found wrong is not what it did wrong.
    ("en", "The engineer detected a defective cable and swapped it.", False),
    ("ru", "Мастер обнаружил неисправный блок питания и заменил его.", False),
    ("pl", "Serwisant wykrył wadliwy kabel i go wymienił.", False),
    ("en", "The engineer installed a defective cable.", True),
    # Not wanting to do the job is refusing it; not wanting to trouble the client is a courtesy.
    ("ru", "Водитель не захотел ждать у подъезда.", True),
    ("pl", "Monter nie chciał zabrać starej pralki.", True),
    ("en", "The fitter didn't want to take the old sofa away.", True),
    ("en", "The driver couldn't be bothered to wait five minutes.", True),
    ("ru", "Курьер не хотел Вас будить и оставил пакет у двери, как Вы просили.", False),
    ("pl", "Kurier nie chciał Pani niepokoić, więc zostawił awizo.", False),
    ("en", "The driver didn't want to disturb you, so he left a note.", False),
    # "Our partner" is still another company; our warehouse is us.
    ("ru", "Счёт задвоился из-за сбоя у нашего подрядчика.", True),
    ("ru", "Счёт задвоился из-за сбоя на нашем складе, простите.", False),
    # People named by their job («сортировщик», "the delivery man") are third parties; the client is not.
    ("ru", "Сортировщик перепутал посылки.", True),
    ("ru", "Заказчик перепутал адрес в заявке, мы поправили его.", False),
    ("en", "The delivery man dropped your parcel.", True),
    ("en", "The delivery man will bring your parcel tomorrow.", False),
    # The wrong place in Polish, whatever the place; "not from us" disowns.
    ("pl", "Kurier dostarczył paczkę pod zły numer.", True),
    ("pl", "Kurier podjedzie pod drzwi, gdy Pan potwierdzi godzinę.", False),
    ("en", "The charge came from the bank, not from us.", True),
    ("en", "The charge came from the bank, and it will be reversed tomorrow.", False),
]


@pytest.mark.parametrize("language, body, blame", CAUSE_CLAUSES)
def test_a_third_party_subject_of_a_cause_clause_is_blamed_for_the_problem(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame


@pytest.mark.parametrize("language, body, blame", UNNAMED_AGENTS)
def test_a_subjectless_plural_fault_with_no_we_is_an_unnamed_third_party(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame


@pytest.mark.parametrize("language, body, blame", FOUND_REFUSED_EXTERNAL)
def test_found_faults_refused_jobs_external_partners_and_job_names(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
