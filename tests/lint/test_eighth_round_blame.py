"""Blame-shift families read in the eighth blame round (issue #22), on wordings of their own, not tuning8's
sentences nor any held-out set's.

"The system" acts for somebody else when it does a fault or is disowned («Система сама…, мы бессильны»); a
processing or settlement centre and a department named by its job ("the installation team") are third parties.
"Our system" is ours (unlike "the partner's system"), while a person or department of ours who did the fault
is still named as its cause, as the earlier rounds' sets label it. A sentence that disowns the problem ("nothing we can do", «не наше
решение», «to nie nasza decyzja») points at its «они» / "they" / «oni». Causing the problem is a fault ("the
carrier caused the delay", "was caused by the movers", «spowodowane przez magazyn»), as is a Polish passive whose
agent comes a few words after the participle («uszkodzona w transporcie przez…»). A fault verb done at the
client's request («по Вашей просьбе», "at your request", «na Pana prośbę») is the client's choice carried out.
"""
import pytest

CASES = [
    # (language, body, blame)
    # The issue's own examples.
    ("ru", "К сожалению, курьер опоздал.", True),
    ("en", "Sorry, the courier was late.", True),
    ("pl", "Kurier się spóźnił.", True),
    # "The system" acting by itself, disowned; its routine, and our own system, are plain facts.
    ("ru", "Система сама списала деньги повторно, мы тут бессильны.", True),
    ("ru", "Система автоматически пришлёт Вам код подтверждения.", False),
    ("ru", "Из-за сбоя в нашей системе заказ задвоился, мы уже всё исправили.", False),
    ("en", "The system rejected your order on its own, nothing we can do.", True),
    ("en", "The system will e-mail you a code in a minute.", False),
    ("en", "Our system crashed for a moment, and I have restored your basket.", False),
    ("pl", "System sam zablokował konto, to nie nasza decyzja.", True),
    ("pl", "System wyśle Panu kod w ciągu minuty.", False),
    # An unnamed "they" in a sentence that disowns the problem; the same "they" helping.
    ("en", "They shipped the wrong colour, and there is nothing we can do.", True),
    ("en", "They will ship the right colour tomorrow, and I will check it.", False),
    ("ru", "Они перепутали цвет, а мы тут бессильны.", True),
    ("ru", "Они привезут правильный цвет завтра, я проверю.", False),
    ("pl", "Oni pomylili kolor, a my nie mamy na to wpływu.", True),
    ("pl", "Oni przywiozą właściwy kolor jutro, sprawdzę to.", False),
    # "Our system" is ours; the partner's system and our payment provider are somebody else.
    ("ru", "Наша система дала сбой на минуту, я уже восстановил корзину.", False),
    ("ru", "Система партнёра дала сбой и потеряла Вашу заявку.", True),
    ("en", "Our payment provider charged you twice.", True),
    ("pl", "Nasz system miał awarię przez minutę, już przywróciłem koszyk.", False),
    ("pl", "Nasz dostawca pomylił zamówienie.", True),
    # Causing the problem, active and passive; a cause that is nobody's.
    ("en", "The damage was caused by the movers.", True),
    ("en", "The damage was caused by the fall, and we will replace the item.", False),
    ("en", "The supplier caused a delay with the whole batch.", True),
    ("ru", "Подрядчик вызвал задержку всей партии.", True),
    ("ru", "Задержку вызвала метель, курьер уже в пути.", False),
    ("pl", "Opóźnienie zostało spowodowane przez magazyn.", True),
    ("pl", "Opóźnienie zostało spowodowane przez śnieżycę, kurier jest już w drodze.", False),
    # A Polish passive's agent a few words after the participle.
    ("pl", "Przesyłka została zniszczona w sortowni przez pracownika przewoźnika.", True),
    ("pl", "Przesyłka została przekazana w sortowni przez pracownika do kuriera.", False),
    # A fault verb done at the client's request, or without it.
    ("ru", "Банк заблокировал карту по Вашей просьбе.", False),
    ("ru", "Банк заблокировал карту без Вашего ведома.", True),
    ("en", "The bank froze the card at your request.", False),
    ("en", "The bank froze the card without telling you.", True),
    ("pl", "Bank zablokował kartę na Pani prośbę.", False),
    ("pl", "Bank zablokował kartę bez Pani zgody.", True),
    # Processing and settlement centres, a department named by its job.
    ("ru", "Деньги списались дважды по ошибке расчётного центра.", True),
    ("ru", "Расчётный центр обработает платёж до конца дня.", False),
    ("en", "The duplicate charge was a clearing house error.", True),
    ("en", "The clearing house processes payments overnight.", False),
    ("pl", "To błąd centrum rozliczeniowego, że kwota się podwoiła.", True),
    ("pl", "Centrum rozliczeniowe przetworzy płatność do jutra.", False),
    ("en", "The installation team forgot the brackets.", True),
    ("en", "The installation team will bring the brackets on Monday.", False),
    # The third party named as answerable, the reason, or where the fault sat; slow, holding, without asking.
    ("en", "Responsibility falls on the courier company here.", True),
    ("en", "The carrier is responsible for the broken handle.", True),
    ("en", "The carrier is responsible for delivering the parcel by Friday.", False),
    ("en", "The supplier is the reason the stock ran out.", True),
    ("en", "The error was on the bank side, not in your app.", True),
    ("en", "The bank is really slow, so the refund is still pending.", True),
    ("en", "The bank is open until six, so the refund can be checked today.", False),
    ("en", "Your deposit is being held by the insurer.", True),
    ("en", "Your deposit is being kept safe by us until Friday.", False),
    ("en", "The driver left the box at the gate without asking.", True),
    ("en", "The driver will leave the box at the gate without asking for a signature.", False),
    ("en", "You will need to contact us about the declined payment here in the chat.", False),
    ("ru", "Сбой случился на стороне эквайера, а не у Вас.", True),
    ("ru", "Сбой случился на нашей стороне, мы уже всё исправили.", False),
    # Colloquial letting down, refusing to wait, a third party's carelessness, bearing the blame.
    ("ru", "Поставщик опять обманул нас со сроками отгрузки.", True),
    ("ru", "Курьер не стал ждать у подъезда и уехал.", True),
    ("ru", "Курьер не стал Вас беспокоить поздно вечером и привезёт заказ утром.", False),
    ("ru", "Виной всему небрежность упаковщика.", True),
    ("ru", "Это вопрос к перевозчику, не к нам.", True),
    ("ru", "Это вопрос к нам, и я его решу сегодня.", False),
    ("en", "The delivery service takes forever with returns.", True),
    ("en", "The carrier has had no problems with your street before.", False),
    ("en", "The payment gateway is having technical issues again.", True),
    ("en", "The fitter left without finishing the shelves.", True),
    ("en", "The fitter left after finishing the shelves, and they look great.", False),
    ("en", "The mix-up happened at the carrier's end.", True),
    ("pl", "Odpowiedzialność za opóźnienie ponosi firma kurierska.", True),
    ("pl", "Winę ponosimy my, bardzo przepraszam.", False),
    ("pl", "Przewoźnik znowu nawalił z terminem.", True),
    ("pl", "Przez magazyn wysyłka się opóźniła.", True),
    ("pl", "Przez kuriera przekażemy Panu nowe dokumenty.", False),
    ("pl", "Kurier znowu schrzanił dostawę.", True),
    ("pl", "Sklep wystawił fakturę na Pana firmę.", False),
    # Mending a faulty thing is not doing it wrong.
    ("en", "The engineer swapped the faulty cable, and the router works again.", False),
    ("ru", "Мастер заменил бракованный блок питания, всё работает.", False),
    ("pl", "Serwisant wymienił wadliwy zasilacz i wszystko działa.", False),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_eighth_round_blame_families(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
