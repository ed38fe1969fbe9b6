"""Near misses for the wordings the second held-out set (heldout2) showed the rules missing.

Each rule change has a sentence it must catch and a close sentence it must leave alone, in the
language it was made for; none of these sentences is in a data set."""
import pytest

CASES = [
    # blame-shift: a third party named in any case, imperfective faults, a visit that did not happen,
    # a failure at a third party, «хотя должен был»; not yet / if / ours stay clean.
    ("ru", "blame-shift", "Это вина поставщика: товар пришёл без документов.", True),
    ("ru", "blame-shift", "Поставщик привезёт документы к товару завтра.", False),
    ("ru", "blame-shift", "Возврат так долго идёт, потому что банк задерживает платежи.", True),
    ("ru", "blame-shift", "Банк зачисляет платежи в течение трёх дней.", False),
    ("ru", "blame-shift", "Монтажник не приехал к назначенному времени.", True),
    ("ru", "blame-shift", "Монтажник ещё не приехал, он будет через 15 минут.", False),
    ("ru", "blame-shift", "Если монтажник не приехал вовремя, мы вернём стоимость установки.", False),
    ("ru", "blame-shift", "Бонусы не начислились из-за сбоя у платёжной системы.", True),
    ("ru", "blame-shift", "Бонусы начислятся после того, как заказ будет собран.", False),
    ("ru", "blame-shift", "Мы всё упаковали, но почта потеряла посылку.", True),
    ("ru", "blame-shift", "Курьер уехал, хотя должен был дождаться Вас.", True),
    ("ru", "blame-shift", "Курьер дождётся Вас у подъезда.", False),
    ("en", "blame-shift", "The order arrived late because the courier company's server crashed.", True),
    ("en", "blame-shift", "Our server crashed yesterday, and we've fixed it.", False),
    ("en", "blame-shift", "The parcel was delivered late by the carrier.", True),
    ("en", "blame-shift", "The carrier delivers parcels to Wales in two days.", False),
    ("en", "blame-shift", "The installer should have checked the water pipe.", True),
    ("en", "blame-shift", "We should have checked the address, and I've fixed it now.", False),
    ("pl", "blame-shift", "Zamówienie wstrzymał dział płatności.", True),
    ("pl", "blame-shift", "Dział płatności potwierdził zamówienie.", False),
    ("pl", "blame-shift", "Monter nie przyjechał o umówionej godzinie.", True),
    ("pl", "blame-shift", "Monter jeszcze nie przyjechał, będzie za kwadrans.", False),
    ("pl", "blame-shift", "Paczka została zagubiona przez kuriera.", True),
    ("pl", "blame-shift", "Błąd popełnił kurier, który pomylił piętra.", True),
    ("pl", "blame-shift", "Sami popełniliśmy błąd i już go naprawiamy.", False),
    # redirect-channel: «Вам удобнее будет позвонить», «Наберите, пожалуйста, …», "try reaching out",
    # «niech Pan zadzwoni», «proszę się skontaktować»; what we do ourselves asks nothing of the client.
    ("ru", "redirect-channel", "Вам удобнее будет позвонить в банк.", True),
    ("ru", "redirect-channel", "Мы сами позвоним в сервисный центр и всё уточним.", False),
    ("ru", "redirect-channel", "Наберите, пожалуйста, горячую линию банка.", True),
    ("ru", "redirect-channel", "Напишите, пожалуйста, Вашу почту, и я пришлю чек.", False),
    ("en", "redirect-channel", "Try reaching out to the retailer.", True),
    ("en", "redirect-channel", "I'll reach out to the retailer myself.", False),
    ("en", "redirect-channel", "We'll contact the manufacturer and get back to you here.", False),
    ("pl", "redirect-channel", "Niech Pan zadzwoni do banku.", True),
    ("pl", "redirect-channel", "Bank zadzwoni do Pana jutro.", False),
    ("pl", "redirect-channel", "Proszę się skontaktować z producentem.", True),
    ("pl", "redirect-channel", "Prosze sie skontaktowac z producentem.", True),
    ("pl", "redirect-channel", "Sami skontaktujemy się z producentem.", False),
    # legal-reference: terms, offers and policies cited as authority; manners, habits and requests not.
    ("ru", "legal-reference", "Согласно условиям договора, доставка платная.", True),
    ("ru", "legal-reference", "Так положено по закону.", True),
    ("ru", "legal-reference", "В соответствии со статьёй 26 закона возврат возможен.", True),
    ("ru", "legal-reference", "По правилам хорошего тона мы отвечаем сразу.", False),
    ("ru", "legal-reference", "Согласно Вашему пожеланию, курьер позвонит заранее.", False),
    ("en", "legal-reference", "Per our refund policy, the fee isn't returned.", True),
    ("en", "legal-reference", "Internal procedures don't let us change it.", True),
    ("en", "legal-reference", "These are the company rules, I'm afraid.", True),
    ("en", "legal-reference", "The law requires a signature on delivery.", True),
    ("en", "legal-reference", "As a rule, we ship the same day.", False),
    ("en", "legal-reference", "According to the courier, he'll be there at 5.", False),
    ("pl", "legal-reference", "Zgodnie z pkt 3 regulaminu zwrot jest płatny.", True),
    ("pl", "legal-reference", "Wewnętrzne zasady nie pozwalają na to.", True),
    ("pl", "legal-reference", "Zgodnie z Pani prośbą kurier zadzwoni wcześniej.", False),
    ("pl", "legal-reference", "Z reguły odpowiadamy w ciągu minuty.", False),
]


@pytest.mark.parametrize("language, rule, body, breaks", CASES)
def test_rule_reads_the_wording_not_the_words(rules_of, language, rule, body, breaks):
    assert (rule in rules_of(body, language)) is breaks


# i-dont-know and slang read from the sentence (issue #22, seventh round): who does not know, and whether a
# slang word is used as the plain word it also is. Near misses in each language.
SEVENTH_ROUND = [
    # The client as the one who may not know, a clarification, emphasis: no admission.
    ("ru", "i-dont-know", "Если Вы не в курсе, как работает рассрочка, я расскажу.", False),
    ("ru", "i-dont-know", "Не уверена, что правильно поняла: речь о возврате?", False),
    ("ru", "i-dont-know", "Понятия не имею, когда будет поставка.", True),
    ("en", "i-dont-know", "If you don't know your order number, I can find it by e-mail.", False),
    ("en", "i-dont-know", "I'm not sure I understood, could you send a photo?", False),
    ("en", "i-dont-know", "I can't tell you how sorry I am about the delay.", False),
    ("en", "i-dont-know", "I'm not sure when the parcel will arrive.", True),
    ("pl", "i-dont-know", "Nie jestem pewna, czy dobrze zrozumiałam: chodzi o zwrot?", False),
    ("pl", "i-dont-know", "Jeśli nie wie Pan, gdzie jest numer, pomogę go znaleźć.", False),
    ("pl", "i-dont-know", "Pojęcia nie mam, kiedy to naprawimy.", True),
    ("pl", "i-dont-know", "Zielonego pojęcia nie mam, gdzie jest paczka.", True),
    # Slang words that are plain words in their place: a unit after a number, the noun «норма».
    ("ru", "slang", "Уровень шума не выше санитарных норм.", False),
    ("ru", "slang", "Расход в пределах норм, это нормально.", False),
    ("ru", "slang", "Столик на 4 чел. уже забронирован.", False),
    ("ru", "slang", "Всё норм, посылка уже в пути.", True),
    ("ru", "slang", "Этот чел из доставки уже едет.", True),
    ("en", "slang", "The brochure with all colours is in the box.", False),
    ("en", "slang", "We're gonna send a replacement today.", True),
    ("pl", "slang", "Spokojnie, wszystko sprawdzimy.", False),
    ("pl", "slang", "Spoko, zwrot jest już zlecony.", True),
]


@pytest.mark.parametrize("language, rule, body, breaks", SEVENTH_ROUND)
def test_who_does_not_know_and_how_a_slang_word_is_used(rules_of, language, rule, body, breaks):
    assert (rule in rules_of(body, language)) is breaks
