"""Blame-shift read from the sentence's structure in the sixth round (issue #22), on wordings of their own,
not tuning5's sentences nor any held-out set's.

- A fault named as a noun (a family of stems: mistake, carelessness, glitch, «невнимательность»,
  «nieuwaga»…) put on a third party by a cause («из-за», "due to", «przez», «w wyniku») or by a passive's
  agent ("made by", «popełniony przez»); «наш» / "our" / «nasz» before the party owns it, a condition
  makes it hypothetical.
- English "didn't" / "did not" / "never" and whatever verb follows is a job not done, as «не» / «nie» and
  a past verb are in Russian and Polish; a verb whose absence is good news ("didn't charge") is not.
- An unnamed agent («кто-то», "someone", «ktoś») is not us; a third party's act set against ours
  («а не наш магазин», "not us", «bez naszej wiedzy») and the act left to its own account ("his own
  decision") disown the problem.
- Semantic classes of a job done wrong: the wrong recipient or place, something left out ("shipped
  without the manual", not "without extra charge"), rough handling, acting on one's own, rudeness,
  holding the client's money; the client's parcel or refund gone astray at a third party («завис в
  банке», «utknęła w sortowni»), though a plain delay there is a fact.
"""
import pytest

CASES = [
    # (language, body, blame)
    # A fault noun put on a third party by a cause or a passive's agent.
    ("ru", "Вследствие халатности экспедитора груз прибыл мокрым.", True),
    ("ru", "Из-за ошибки нашего склада заказ задержался, мы уже всё исправили.", False),
    ("en", "Owing to negligence by the removal firm, the wardrobe arrived in pieces.", True),
    ("en", "An oversight was made by one of the packers.", True),
    ("en", "Due to high demand, the courier will come a day later.", False),
    ("pl", "W wyniku niedbalstwa spedytora szafa przyjechała porysowana.", True),
    ("pl", "Przez nieuwagę naszego magazynu wysłaliśmy zły kolor, już to naprawiamy.", False),
    # A job not done, read from the English negation and any verb.
    ("en", "The fitter didn't tighten the hinges.", True),
    ("en", "The installer never returned to finish the job.", True),
    ("en", "The bank didn't charge you any fee for the transfer.", False),
    ("en", "We didn't tighten the hinges, and I'm sending someone today.", False),
    # An unnamed agent; a third party's act set against ours.
    ("ru", "Кто-то на складе перепутал коробки.", True),
    ("en", "Somebody at the depot mislabelled the crate.", True),
    ("pl", "Ktoś w magazynie pomylił paczki.", True),
    ("en", "Someone from our team will call you back in this chat.", False),
    ("ru", "Сроки нарушил перевозчик, а не мы.", True),
    ("en", "The refund was delayed by the processor, not us.", True),
    ("pl", "Przelew wstrzymał bank bez naszej wiedzy.", True),
    ("pl", "Bank zaksięguje przelew jutro.", False),
    # Semantic classes of a job done wrong.
    ("en", "The driver handed your parcel to someone else.", True),
    ("en", "The courier delivered it without any extra charge.", False),
    ("ru", "Курьер отдал посылку чужому человеку.", True),
    ("ru", "Курьер привёз заказ без доплаты за подъём.", False),
    ("pl", "Kurier doręczył przesyłkę do innego miasta.", True),
    ("pl", "Monter wyjechał na własną rękę przed końcem montażu.", True),
    ("en", "The movers were rude to you, and that was their own decision.", True),
    ("ru", "Ваш перевод застрял в банке-эмитенте.", True),
    ("ru", "Ваш заказ задержался на сортировочном центре, курьер привезёт его завтра.", False),
    ("pl", "Paczka utknęła w sortowni przewoźnika.", True),
    # «не смог» / «nie zdołał» hand the job to the infinitive; "mis-…ed" and dragging one's feet are faults.
    ("ru", "Банк не смог провести Ваш платёж.", True),
    ("ru", "Курьер не смог дозвониться до Вас и оставил сообщение.", False),
    ("pl", "Serwisant nie zdołał uruchomić zmywarki.", True),
    ("pl", "Kurier nie mógł się do Pana dodzwonić.", False),
    ("en", "The removal company misquoted the price for assembly.", True),
    ("en", "If the label was misprinted, I'll reprint it today.", False),
    ("en", "The warehouse has been taking its sweet time with your return.", True),
    ("pl", "Ekipa montażowa zwlekała z dokończeniem prac.", True),
    ("ru", "Подрядчик тянет с монтажом уже неделю.", True),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_sixth_round_blame_structure(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
