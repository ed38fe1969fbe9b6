"""Legal reference read from the sentence (issue #22, phrases/lint/legal.py): a rule source (law, article,
clause, point, regulation, terms, policy, offer, the company's rules) cited as the reason or authority for
what the operator says, in ru, en and pl, against near misses of the same words: a document the client signs
or receives, rules of a game or a promotion stated as facts, a numbered part of something else, "according to"
something that is no rule."""
import pytest

CITED = [
    # An authority marker before the source.
    ("Согласно п. 7.1 оферты стоимость доставки не возвращается.", "ru"),
    ("По правилам магазина обмен возможен только с чеком.", "ru"),
    ("Так положено по регламенту, ускорить проверку не получится.", "ru"),
    ("As per our terms, the deposit is kept for 30 days.", "en"),
    ("Under clause 8 of the rental agreement, late returns are charged.", "en"),
    ("By law, we must check your ID before handing over the parcel.", "en"),
    ("Zgodnie z regulaminem sklepu koszt odesłania pokrywa kupujący.", "pl"),
    ("Na mocy ustawy sklep ma 14 dni na odpowiedź.", "pl"),
    ("Wg regulaminu rezerwacja wygasa po 3 dniach.", "pl"),
    # The source as the subject of a verb of authority, or its agent.
    ("Наша политика не позволяет менять цену после оплаты.", "ru"),
    ("Возврат подарочных карт запрещён правилами магазина.", "ru"),
    ("Our returns policy says that used items are not refunded.", "en"),
    ("The terms and conditions require that the seal is intact.", "en"),
    ("The contract requires that the device is returned within 14 days.", "en"),
    ("Tak stanowi regulamin, dlatego nie możemy tego zmienić.", "pl"),
    ("Przepisy wymagają, abyśmy sprawdzili dokument.", "pl"),
    # A numbered part of a rule source.
    ("Статья 26.1 закона даёт на возврат семь дней.", "ru"),
    ("Article 9 of the Consumer Rights Act sets the period.", "en"),
]

PLAIN = [
    # A document the client signs or receives: a fact about it, not a citation.
    ("Договор требует Вашей подписи на последней странице.", "ru"),
    ("Договор пришлём на почту сегодня вечером.", "ru"),
    ("The contract requires your signature on the last page.", "en"),
    ("The agreement needs your initials on each page.", "en"),
    ("Umowa wymaga Pana podpisu na ostatniej stronie.", "pl"),
    ("Umowę dołączymy do paczki razem z paragonem.", "pl"),
    # Rules of a game or a promotion stated as facts, good manners.
    ("Правила игры напечатаны на обратной стороне коробки.", "ru"),
    ("По правилам игры первый ход делает младший игрок.", "ru"),
    ("The rules of the promotion are simple: buy two, get one free.", "en"),
    ("Regulamin gry znajdzie Pan w pudełku.", "pl"),
    ("Zasady promocji są proste: trzeci produkt gratis.", "pl"),
    # A numbered part of something that is no rule source.
    ("Section 3 of the manual shows how to reset the router.", "en"),
    ("Under these conditions we can refund the full amount.", "en"),
    ("Your policy number is printed on the insurance certificate.", "en"),
    # Words that look like a source and name something else: settings, a receipt, a driving licence, a pickup
    # point, a contract named by its number, a promotion's offer.
    ("Zgodnie z ustawieniami konta powiadomienia są wyłączone.", "pl"),
    ("Na podstawie paragonu przyjmiemy zwrot.", "pl"),
    ("Tożsamość potwierdzimy na podstawie dowodu osobistego lub prawa jazdy.", "pl"),
    ("Пункт выдачи не позволяет хранить заказ дольше недели.", "ru"),
    ("Оплата по договору № 4521 поступила.", "ru"),
    ("The offer says 20% off on all TVs.", "en"),
    ("Under your insurance policy, accidental damage is covered.", "en"),
    # "According to" something that is no rule; a recipe is no regulation.
    ("Согласно трекингу, посылка уже в Вашем городе.", "ru"),
    ("В соответствии с Вашей просьбой мы перенесли доставку.", "ru"),
    ("As per your request, the delivery is moved to Friday.", "en"),
    ("Under the sofa cushion you will find the spare screws.", "en"),
    ("Zgodnie z planem paczka wyjedzie jutro rano.", "pl"),
    ("Przepis na ciasto jest w książce dołączonej do robota.", "pl"),
]


@pytest.mark.parametrize("body,language", CITED)
def test_a_rule_source_cited_as_the_authority_is_a_legal_reference(body, language, rules_of):
    assert "legal-reference" in rules_of(body, language)


@pytest.mark.parametrize("body,language", PLAIN)
def test_documents_game_rules_and_other_sources_named_as_facts_are_not_legal_references(body, language, rules_of):
    assert "legal-reference" not in rules_of(body, language)


def test_the_citation_is_marked_from_its_marker_to_its_source():
    from phrases.lint import lint
    from phrases.lint.ruleset import default_ruleset

    body = "Спасибо за ожидание. Согласно п. 4.2 оферты возврат возможен."
    findings = [f for f in lint(body, "ru", default_ruleset()) if f.rule == "legal-reference"]
    assert [body[f.start:f.end] for f in findings] == ["Согласно п. 4.2 оферты"]
