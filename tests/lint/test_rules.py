"""Each rule, with texts that break it and texts that must pass, in every language it covers."""
import pytest

from phrases.lint import lint

CASES = {
    "banned-abbreviation": [
        ("ru", "Спс за ожидание, сейчас проверю.", True),
        ("ru", "Заказ уже у курьера, ок?", True),
        ("ru", "Пжлст, пришлите фото чека.", True),
        ("ru", "Спасибо за ожидание, сейчас проверю.", False),
        ("en", "Can u send me a photo of the receipt, pls?", True),
        ("en", "I will check it asap.", True),
        ("en", "Please send your PIN-u code.", False),  # inflected acronym, not "u"
        ("en", "Could you send me a photo of the receipt, please?", False),
        ("pl", "Dzieki za cierpliwość, pozdr.", True),
        ("pl", "Dziękuję za cierpliwość. Kod PIN-u wyślemy SMS-em.", False),
        ("pl", "Dostawa potrwa ok. 3 dni.", False),  # "ok." = około
    ],
    "slang": [
        ("ru", "Инфа по заказу будет завтра.", True),
        ("ru", "Это был косяк склада.", True),
        ("ru", "Информация по заказу будет завтра.", False),
        ("en", "We are gonna send it tomorrow.", True),
        ("en", "Sure, bro, we will check.", True),
        ("en", "We are going to send it tomorrow.", False),
        ("pl", "Spoko, wyślemy jutro.", True),
        ("pl", "Siema, w czym pomóc?", True),
        ("pl", "Dobrze, wyślemy jutro.", False),
    ],
    "lowercase-formal-you": [
        ("ru", "Заказ будет у вас завтра.", True),
        ("ru", "Спасибо за ваш вопрос.", True),
        ("ru", "Заказ будет у Вас завтра. Спасибо за Ваш вопрос.", False),
        ("en", "Your order arrives tomorrow.", False),
    ],
    "sentence-start-lowercase": [
        ("ru", "заказ готов.", True),
        ("ru", "Заказ готов. курьер позвонит.", True),
        ("ru", "Заказ готов!\nкурьер позвонит.", True),
        ("ru", "{client_name}, заказ готов. Курьер позвонит, т. е. заранее.", False),
        ("en", "thanks for waiting.", True),
        ("en", "Thanks for waiting, e.g. while we check.", False),
        ("pl", "dziękuję za cierpliwość.", True),
        ("pl", "Dziękuję. Paczka dotrze np. jutro.", False),
    ],
    "missing-terminal-punctuation": [
        ("ru", "Хорошего дня 🙂", True),
        ("ru", "Ссылка на оплату: {link}", True),
        ("ru", "Ждём Вас снова. 🙏", False),
        ("en", "Have a nice day", True),
        ("en", "Have a nice day!", False),
        ("pl", "Miłego dnia", True),
        ("pl", "Czy mogę jeszcze w czymś pomóc?", False),
    ],
    "too-many-emoji": [
        ("ru", "Спасибо за покупку 🎉🎉🎉", True),
        ("en", "Thanks 🙂 See you soon 👋 Bye 😊", True),
        ("ru", "Спасибо за покупку 🎉🙂", False),
        ("pl", "Dziękujemy 👍", False),
    ],
    "all-caps": [
        ("ru", "Это ОЧЕНЬ важно.", True),
        ("en", "Please NEVER reboot the router.", True),
        ("pl", "To BARDZO ważne.", True),
        ("ru", "Оплатить можно через СБП, ИНН не нужен.", False),
        ("en", "Your SIM card and PUK code arrive by SMS.", False),
        ("pl", "Płatność BLIK jest dostępna.", False),
        # Capitals on a word of the language are shouting; on what no dictionary knows, an acronym or a name
        # that no list names (needs the spelling dictionaries, which ship with the project).
        ("ru", "ВНИМАНИЕ: выписку из ЕГРЮЛ пришлём завтра.", True),
        ("ru", "Выписку из ЕГРЮЛ пришлём завтра.", False),
        ("en", "URGENT: the EBITDA report is attached.", True),
        ("en", "The EBITDA report is attached.", False),
        ("pl", "UWAGA: wpis w CEIDG jest aktualny.", True),
        ("pl", "Wpis w CEIDG jest aktualny.", False),
    ],
    "too-many-exclamations": [
        ("ru", "Ура, заказ собран!! Скоро будет у Вас.", True),
        ("en", "Great! Your order is ready!", True),
        ("pl", "Dziękujemy za zakup!", False),
    ],
    "i-dont-know": [
        ("ru", "Я не знаю, когда привезут.", True),
        ("ru", "Не знаю, уточните у курьера.", True),
        ("ru", "Уточню и вернусь с ответом через 10 минут.", False),
        ("en", "I don't know when it arrives.", True),
        ("en", "I'll find out and come back to you in ten minutes.", False),
        ("pl", "Nie wiem, kiedy dotrze paczka.", True),
        ("pl", "Sprawdzę i wrócę z odpowiedzią.", False),
    ],
    "redirect-channel": [
        ("ru", "Позвоните на горячую линию 8-800.", True),
        ("ru", "Напишите нам на почту, там помогут.", True),
        ("ru", "Курьер позвонит Вам за час до приезда.", False),
        ("en", "Please call our hotline for a refund.", True),
        ("en", "The courier will call you an hour before arrival.", False),
        ("pl", "Proszę zadzwonić na infolinię.", True),
        ("pl", "Kurier zadzwoni godzinę przed dostawą.", False),
    ],
    "legal-reference": [
        ("ru", "Согласно статье 18 Закона о защите прав потребителей Вы можете вернуть товар.", True),
        ("ru", "В соответствии с регламентом мы не можем это сделать.", True),
        ("ru", "Вы можете вернуть товар в течение 14 дней.", False),
        ("en", "Under Article 5 of the Consumer Rights Act you may return it.", True),
        ("en", "You can return it within 14 days.", False),
        ("pl", "Zgodnie z regulaminem zwrot trwa 14 dni.", True),
        ("pl", "Zwrot jest możliwy w ciągu 14 dni.", False),
    ],
    "blame-shift": [
        ("ru", "Это ошибка курьера, он перепутал адрес.", True),
        ("ru", "Курьер напутал с адресом.", True),
        ("ru", "Мы ошиблись с адресом, уже отправили курьера повторно.", False),
        ("en", "The courier messed up the address, it's not our fault.", True),
        ("en", "We got the address wrong and have already rebooked the delivery.", False),
        ("pl", "To wina kuriera, pomylił adresy.", True),
        ("pl", "Pomyliliśmy adres, paczka wyjedzie ponownie jutro.", False),
    ],
    "cliche": [
        ("ru", "Приносим извинения за доставленные неудобства.", True),
        ("ru", "Ваше мнение очень важно для нас.", True),
        ("ru", "Простите, что заказ задержался: мы уже отправили его курьером.", False),
        ("en", "We apologize for any inconvenience.", True),
        ("en", "Your call is important to us.", True),
        ("en", "Sorry the parcel was late: we have sent a replacement.", False),
        ("pl", "Przepraszamy za wszelkie niedogodności.", True),
        ("pl", "Przepraszamy za opóźnienie, paczka jest już w drodze.", False),
    ],
    "too-long": [
        ("ru", "Заказ готов. " * 40, True),
        ("en", "Your order is ready. " * 20, False),
    ],
    "unknown-placeholder": [
        ("ru", "{client_name}, заказ {order_number} готов.", True),
        ("ru", "{client_name, заказ готов.", True),
        ("en", "Your order {order_id} is ready}.", True),
        ("pl", "{client_name}, zamówienie {order_id} jest gotowe.", False),
    ],
}


@pytest.mark.parametrize("rule, language, body, breaks", [
    (rule, language, body, breaks) for rule, cases in CASES.items() for language, body, breaks in cases
])
def test_rule(rules_of, rule, language, body, breaks):
    assert (rule in rules_of(body, language)) is breaks


def test_placeholders_are_never_flagged_themselves(rules):
    body = "{client_name}, {order_id} — {amount} {date} {link}."
    findings = lint(body, "ru", rules)
    assert all(not body[f.start:f.end].startswith("{") for f in findings if f.rule != "unknown-placeholder")
    assert "sentence-start-lowercase" not in {f.rule for f in lint("{client_name}, заказ готов.", "ru", rules)}


def test_finding_has_rule_severity_message_span_and_suggestion(rules):
    body = "Спс, заказ готов."
    finding = next(f for f in lint(body, "ru", rules) if f.rule == "banned-abbreviation")
    assert finding.as_dict() == {"rule": "banned-abbreviation", "severity": "error",
                                 "message": "Сокращение «Спс» в чате с клиентом недопустимо.",
                                 "start": 0, "end": 3, "suggestion": "Спасибо"}  # capitalised like the word


def test_messages_come_in_the_phrase_language(rules):
    assert "exclamation" in lint("Great!! Done.", "en", rules)[0].message
    assert "Wykrzykników" in lint("Super!! Gotowe.", "pl", rules)[0].message


def test_language_without_rules_still_gets_the_common_checks(rules_of):
    assert rules_of("bonjour {foo}", "fr") == {"sentence-start-lowercase", "missing-terminal-punctuation",
                                               "unknown-placeholder"}


@pytest.mark.parametrize("language, expected", [
    ("ru", "Восклицательных знаков: 2; допускается не больше 1."),
    ("pl", "Wykrzykników: 2; dozwolone najwyżej 1."),
    ("en", "2 exclamation marks; at most 1 are allowed."),
    ("fr", "2 exclamation marks; at most 1 are allowed."),  # no catalogue: English
])
def test_messages_speak_the_phrase_language_whatever_the_active_one(rules, language, expected):
    from django.utils import translation

    with translation.override("ru"):
        finding = next(f for f in lint("Super!! Ok.", language, rules) if f.rule == "too-many-exclamations")
    assert finding.message == expected


def test_placeholder_findings_come_from_the_validation_check(rules):
    from phrases.validation import find_placeholder_problems

    body = "{client_name}, заказ {order_number} готов}."
    findings = [(f.start, f.end) for f in lint(body, "ru", rules) if f.rule == "unknown-placeholder"]
    problems = find_placeholder_problems(body, rules.placeholders)
    assert findings == [(p.start, p.end) for p in problems] == [(21, 35), (41, 42)]
    messages = [f.message for f in lint(body, "ru", rules) if f.rule == "unknown-placeholder"]
    assert messages[0].startswith("Неизвестная подстановка {order_number}; допустимы: {amount}")
    assert messages[1] == "Скобки не сбалансированы: эта «}» ничего не закрывает."


def test_every_rule_has_a_message_and_a_default(rules):
    from phrases.lint.defaults import RULES
    from phrases.lint.engine import RULE_IDS
    from phrases.lint.messages import MESSAGES

    assert set(RULE_IDS) == set(RULES) == set(MESSAGES)


def test_validation_speaks_the_same_placeholder_messages_in_the_users_language():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from phrases.validation import validate_placeholders

    with translation.override("pl"), pytest.raises(ValidationError) as error:
        validate_placeholders("{client_name, zamówienie {order_id} jest gotowe.")
    assert error.value.messages == [
        "Nawiasy nie są zrównoważone: ten „{” nigdzie się nie zamyka.",
        ("Nawiasy nie są zrównoważone: symbole zastępcze nie mogą być zagnieżdżone, a ten „{” otwiera się "
         "wewnątrz innego.")]


def test_every_default_term_fits_the_term_table_and_compiles():
    import re

    from phrases.lint.defaults import TERMS
    from phrases.lint.models import Term

    pattern_limit = Term._meta.get_field("pattern").max_length
    suggestion_limit = Term._meta.get_field("suggestion").max_length
    for language, kinds in TERMS.items():
        for kind, entries in kinds.items():
            assert kind in Term.Kind.values
            for pattern, suggestion in entries:
                assert len(pattern) <= pattern_limit and len(suggestion) <= suggestion_limit, (language, kind)
                re.compile(pattern)
