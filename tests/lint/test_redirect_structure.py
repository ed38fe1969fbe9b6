"""Redirect-channel read from the sentence's structure (issue #22): who is asked to act and what the
number or address in the sentence is for, in ru, en and pl, with near misses of each shape."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrases.lint.clauses import EMAIL_RE, _addresses

REDIRECTS = [
    # The if-clause after an evaluation is what is recommended to the client.
    ("Najlepiej będzie, jeśli Pani odwiedzi nasz salon.", "pl"),
    ("It's best if you call the bank.", "en"),
    ("Лучше всего, если Вы подъедете в офис.", "ru"),
    # "There" points back at the venue named earlier in the sentence.
    ("Такие вопросы решает отделение банка — подойдите туда с паспортом.", "ru"),
    ("Serwis jest na Mokotowie, proszę tam podjechać z urządzeniem.", "pl"),
    # Forms and social networks are channels; filling one in or lodging a complaint is contacting.
    ("Заполните форму обратной связи на сайте, и специалисты с Вами свяжутся.", "ru"),
    ("Drop us a message on Facebook and the social team will help.", "en"),
    ("Reklamację trzeba złożyć osobiście w oddziale firmy.", "pl"),
    ("Sugeruję kontakt z bankiem, który wydał kartę.", "pl"),
    # Sending to an address or dialling a number is using it as a channel.
    ("Отправьте заявку на адрес support@example.ru.", "ru"),
    ("Наберите номер 8 800 100-20-30, оператор подскажет.", "ru"),
    ("For warranty questions, email warranty@shop.com and they'll get back to you.", "en"),
    # Advice, attempts and softened requests ask the client all the same.
    ("Попробуйте дозвониться в службу доставки.", "ru"),
    ("Могу лишь посоветовать позвонить производителю.", "ru"),
    ("Вопрос лучше задать в службе поддержки банка.", "ru"),
    ("Your best option is to speak to your bank.", "en"),
    ("You may want to call the airline directly.", "en"),
    ("We'd ask that you pop into a branch with your ID.", "en"),
    ("Please send your complaint by post to our head office.", "en"),
    ("You'll have to take it to an authorised repair centre.", "en"),
]

CLEAN = [
    ("Najlepiej będzie, jeśli kurier przyjedzie do sklepu.", "pl"),
    ("Лучше, если мы сами позвоним в банк.", "ru"),
    ("The branch has your parcel and it will stay there until {date}.", "en"),
    ("Заказ лежит в магазине, мы отправим его туда курьером.", "ru"),
    ("Форма обратной связи на сайте временно не работает, поэтому я помогу здесь.", "ru"),
    ("Formularz reklamacyjny wypełniłam za Pana.", "pl"),
    ("We saw your post on Facebook and answered it here.", "en"),
    # A number or an address the client is asked to check, keep or enter: data, not a channel.
    ("Проверьте, пожалуйста, номер телефона +7 999 123-45-67 в заказе.", "ru"),
    ("Please confirm that your phone number 07700 900123 is correct.", "en"),
    ("Укажите, пожалуйста, промокод 2024-555-10 при оплате.", "ru"),
    ("Please check the spam folder of anna@example.com for our receipt.", "en"),
    ("Сохраните, пожалуйста, номер обращения 8800-2000-31 на будущее.", "ru"),
    ("Proszę sprawdzić, czy numer 600 700 800 jest poprawny.", "pl"),
    # Told not to go anywhere.
    ("Не звоните в банк, я сама всё уточню и напишу здесь.", "ru"),
    ("Nie musi Pan dzwonić na infolinię, wszystko załatwię tutaj.", "pl"),
    # The word names a thing: a compound subject before its predicate.
    ("Phone repairs take 5 working days.", "en"),
    # We try, we send, or the client is asked to send here.
    ("Я попробую дозвониться до курьера и напишу Вам здесь.", "ru"),
    ("Курьер попробует дозвониться до Вас ещё раз.", "ru"),
    ("Задайте вопрос здесь, я отвечу.", "ru"),
    ("Please send me the email address you booked with.", "en"),
    ("We'll send it by post to your home address.", "en"),
    ("You might want to check your spam folder.", "en"),
]


@pytest.mark.parametrize("body,language", REDIRECTS)
def test_sending_the_client_elsewhere_is_a_redirect(body, language, rules_of):
    assert "redirect-channel" in rules_of(body, language)


@pytest.mark.parametrize("body,language", CLEAN)
def test_near_misses_are_not_redirects(body, language, rules_of):
    assert "redirect-channel" not in rules_of(body, language)


LEGAL = [
    ("Гражданский кодекс не обязывает нас компенсировать доставку.", "ru"),
    ("Согласно нашим внутренним правилам, возврат возможен только на карту.", "ru"),
    ("Таковы требования законодательства.", "ru"),
    ("Инструкция компании не разрешает мне отменить списание.", "ru"),
    ("Мы руководствуемся правилами продажи товаров дистанционным способом.", "ru"),
    ("That's against our company policy.", "en"),
    ("Section 12 says refunds go to the original card.", "en"),
    ("As stipulated in the contract, the deposit is non-refundable.", "en"),
    ("GDPR rules prevent me from sharing that.", "en"),
    ("I'm afraid our policy is that we can't refund shipping.", "en"),
    ("Wynika to z przepisów prawa konsumenckiego.", "pl"),
    ("Przepisy wewnętrzne firmy nie pozwalają mi tego zrobić.", "pl"),
]

NOT_LEGAL = [
    ("Согласно данным отслеживания, посылка в Казани.", "ru"),
    ("Правила доставки крупной техники я пришлю сюда.", "ru"),
    ("Our policy is to reply within an hour, so I'm on it.", "en"),
    ("Against all odds, the parcel arrived on time.", "en"),
    ("Your insurance policy covers accidental damage.", "en"),
    ("Wynika to z opóźnienia w sortowni.", "pl"),
    ("Zgodnie z Pani życzeniem zmieniłam termin dostawy.", "pl"),
]


@pytest.mark.parametrize("body,language", LEGAL)
def test_a_rule_cited_as_the_reason_is_a_legal_reference(body, language, rules_of):
    assert "legal-reference" in rules_of(body, language)


@pytest.mark.parametrize("body,language", NOT_LEGAL)
def test_sources_and_documents_named_without_citing_them_are_not_legal_references(body, language, rules_of):
    assert "legal-reference" not in rules_of(body, language)


# The seventh round (tuning7r): the channel as the one who helps, a visit asked as a requirement, a link
# as the place to write, the modal after its infinitive, an if-clause ended by its comma, a typo in
# "please". Each with its near miss: a person of the venue who helps where the client is, a visit
# stated as a fact, a link to pay or track, a call stated as possible, a condition on our own act.
CHANNEL_SHAPES = [
    ("Это Вам подскажет только горячая линия банка.", "ru"),
    ("В салоне связи Вам помогут перенести контакты.", "ru"),
    ("Для замены паспорта необходимо посещение отделения.", "ru"),
    ("Узнать остаток можно в любом отделении банка.", "ru"),
    ("Подайте заявку через сайт bank.ru/claim, там её рассмотрят.", "ru"),
    ("The call centre can assist you with the refund.", "en"),
    ("The service centre will be able to help with the repair.", "en"),
    ("Your presence at the office is required, so a visit to the branch is necessary.", "en"),
    ("Plase contact the support team about this.", "en"),
    ("Fill in the claim at shop.com/claims and attach the photos.", "en"),
    ("Biuro obsługi klienta doradzi Pani w tej sprawie.", "pl"),
    ("Konieczna jest wizyta w salonie z dowodem osobistym.", "pl"),
    ("Gdyby Pan się spieszył, proszę zadzwonić na infolinię.", "pl"),
    ("Najprościej będzie napisać maila na adres pomoc@sklep.pl.", "pl"),
]

CHANNEL_NEAR_MISSES = [
    ("Сотрудник магазина поможет Вам проверить товар при получении.", "ru"),
    ("Наш магазин поможет Вам выбрать подарок, напишите, что ищете.", "ru"),
    ("Служба поддержки поможет Вам с этим в течение часа.", "ru"),
    ("Our support team will help you with that shortly.", "en"),
    ("Serwis pomoże naprawić telefon w ciągu 3 dni.", "pl"),
    ("Мы поможем Вам здесь, в чате, без визита в отделение.", "ru"),
    ("Ваш визит в сервисный центр перенесён на пятницу.", "ru"),
    ("Позвонить курьеру можно по номеру из SMS.", "ru"),
    ("Оплатить заказ можно по ссылке shop.ru/pay.", "ru"),
    ("The store manager will help you carry the box to the car.", "en"),
    ("No visit to the branch is needed, I've updated it here.", "en"),
    ("You can track the parcel at shop.com/track.", "en"),
    ("The hotline helped you last week, and I'll take it from here.", "en"),
    ("If the courier is late, I'll call him myself.", "en"),
    ("Wizyta technika jest potwierdzona na jutro.", "pl"),
    ("Konsultant infolinii pomógł Panu wczoraj, a dziś pomogę ja.", "pl"),
    ("Jeśli paczka nie dotrze, proszę napisać tutaj.", "pl"),
    ("Płatności można dokonać przez stronę sklep.pl/platnosc.", "pl"),
]


@pytest.mark.parametrize("body,language", CHANNEL_SHAPES)
def test_a_channel_that_helps_a_required_visit_or_a_link_to_write_to_is_a_redirect(body, language, rules_of):
    assert "redirect-channel" in rules_of(body, language)


@pytest.mark.parametrize("body,language", CHANNEL_NEAR_MISSES)
def test_help_where_the_client_is_a_visit_as_fact_or_a_link_to_use_is_not_a_redirect(body, language, rules_of):
    assert "redirect-channel" not in rules_of(body, language)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab.+-@_ é\n1", max_size=40))
def test_addresses_are_read_from_each_at_sign_as_the_pattern_finds_them(text):
    """Clauses reads e-mail addresses back from each «@» (`clauses._addresses`), not by trying the pattern at
    every word: the same addresses as `EMAIL_RE.finditer`, overlapping runs included («a@b.c@d.e»)."""
    assert _addresses(text) == [(m.start(), m.end()) for m in EMAIL_RE.finditer(text)]
