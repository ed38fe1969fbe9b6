"""Blame-shift families read in the fifth round (issue #22), on wordings of their own, not tuning4's
sentences nor any held-out set's.

A third party that did not do a finished job is read from the verb's form, not from a list of
verbs: «не» / «nie» before a past-tense verb (Russian: perfective) done by a third party. Not blame:
a verb whose absence is good news («не взял комиссию», «nie pobrał opłaty», "didn't charge"), the
client not found («не застал», «nie zastał»), not yet («ещё не», «jeszcze nie»), a condition, a
denial («ничего не потерял»), and our own failure («не успели», «nie zdążyliśmy»). Refusing,
acting without warning, charging twice and a third party's system failing are faults; an English
passive placed at a third party ("got damaged at the depot") names it, as does «у партнёра» before a
failure and a Polish plural verb with no subject («na poczcie zgubili»); Polish «ze» typed for «że»
does not make the third party a place, and «kurierowi» (given to) or «podaliśmy» (we did) is not
the one who failed.
"""
import pytest

CASES = [
    # (language, body, blame)
    # A job left undone, read from the verb's form.
    ("ru", "Поставщик так и не отгрузил товар в срок.", True),
    ("ru", "Мастер не закончил ремонт и уехал.", True),
    ("ru", "Сотрудник склада не положил в коробку зарядку.", True),
    ("ru", "Служба доставки не уложилась в сроки.", True),
    ("ru", "Курьер не взял с Вас плату за доставку, всё верно.", False),
    ("ru", "Банк не списал комиссию за перевод.", False),
    ("ru", "Мастер ещё не закончил ремонт, он работает над ним сейчас.", False),
    ("ru", "Если склад не успеет собрать заказ, мы предупредим Вас заранее.", False),
    ("ru", "Мы не успели собрать заказ вовремя, простите нас.", False),
    ("ru", "Курьер ничего не перепутал: заказ собран верно.", False),
    ("ru", "Курьер не застал Вас дома и оставил извещение.", False),
    ("pl", "Kurier nie odebrał zwrotu, chociaż był umówiony.", True),
    ("pl", "Magazyn nie spakowal ladowarki.", True),
    ("pl", "Firma kurierska nie przekazala nam informacji o zwrocie.", True),
    ("pl", "Kurier nie pobrał opłaty za dostawę, wszystko się zgadza.", False),
    ("pl", "Bank nie naliczył prowizji za przelew.", False),
    ("pl", "Technik jeszcze nie skończył, jest teraz u Pani.", False),
    ("pl", "Nie zdążyliśmy wysłać paczki na czas, przepraszam.", False),
    ("pl", "Magazyn nie był zamknięty w weekend.", False),
    ("pl", "Kurier nie zastał Pana w domu i zostawił awizo.", False),
    ("en", "Our contractor didn't complete the job.", True),
    ("en", "The bank still hasn't released the funds.", True),
    ("en", "The bank didn't charge you any fee.", False),
    ("en", "The installer will finish the job on Monday.", False),
    # Refusing, acting without warning, charging twice.
    ("ru", "Перевозчик отказался везти груз на этаж.", True),
    ("ru", "Если перевозчик откажется везти груз, мы вернём деньги за доставку.", False),
    ("ru", "Банк-эмитент заблокировал платёж без всякого предупреждения.", True),
    ("ru", "Эквайер повторно списал деньги за тот же заказ.", True),
    ("en", "The installer refused to mount the unit on the wall.", True),
    ("en", "If the carrier refuses the parcel, we'll send it with another service.", False),
    ("en", "The supplier changed the price without any notice.", True),
    ("en", "The processor billed your card twice.", True),
    ("pl", "Serwisant odmówił naprawy na miejscu.", True),
    ("pl", "Bank zablokował kartę bez żadnego uprzedzenia.", True),
    ("pl", "Operator płatności dwukrotnie pobrał tę samą kwotę.", True),
    # A third party's system failing; its routine is a plain fact.
    ("ru", "Сайт перевозчика завис, и Ваша заявка не сохранилась.", True),
    ("ru", "Сайт перевозчика обновляет статусы раз в час.", False),
    ("en", "The carrier's website crashed and lost your booking.", True),
    ("en", "The carrier's website shows the status once a day.", False),
    ("pl", "Aplikacja przewoźnika się zawiesiła i rezerwacja przepadła.", True),
    ("pl", "Aplikacja przewoźnika pokazuje status raz dziennie.", False),
    # Their fault in any word for one.
    ("ru", "Платёж не прошёл, это их упущение.", True),
    ("ru", "Платёж не прошёл, это наше упущение, уже исправляем.", False),
    ("pl", "Przelew nie doszedł, to ich awaria.", True),
    # An English passive placed at a third party; at our own place it is ours.
    ("en", "Your parcel got damaged at the courier's depot.", True),
    ("en", "Your parcel got damaged at our warehouse, and a new one is on its way.", False),
    # Shop staff, providers and card issuers are third parties.
    ("en", "The cashier gave you the wrong change.", True),
    ("en", "The cashier will give you a receipt.", False),
    ("pl", "Kasjer wydał Pani złą resztę.", True),
    ("pl", "Emitent karty omyłkowo zablokował transakcję.", True),
    # Whose system failed («у партнёра»), a plural verb with no subject at a third party, no reason given.
    ("ru", "У партнёра упала система, поэтому заказ не оформился.", True),
    ("ru", "Я уточню у партнёра статус заказа и вернусь с ответом.", False),
    ("ru", "Если у банка случится сбой, платёж пройдёт чуть позже.", False),
    ("ru", "Банк заблокировал карту без всякой причины.", True),
    ("pl", "Na poczcie zgubili list polecony.", True),
    ("pl", "W magazynie pomylili rozmiar.", True),
    ("pl", "W magazynie już spakowali zamówienie.", False),
    ("pl", "Płatność została zablokowana przez bank bez powodu.", True),
    ("pl", "Płatność została zaakceptowana przez bank.", False),
    ("en", "Your payment was blocked by the bank for no reason.", True),
    ("en", "Your payment was approved by the bank within minutes.", False),
    ("en", "It's the carrier who's holding things up.", True),
    ("en", "It's the carrier who will bring the replacement.", False),
    ("en", "The payment went through twice because the gateway glitched.", True),
    ("en", "When the gateway is busy, the payment can take a minute.", False),
    # Polish «ze» typed for «że», and who is the agent.
    ("pl", "Okazalo sie, ze kurier zgubil paczke.", True),
    ("pl", "Odbior ze sklepu jest mozliwy od jutra.", False),
    ("pl", "To my wysłaliśmy kurierowi zły adres.", False),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_fifth_round_blame_families(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
