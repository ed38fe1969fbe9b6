"""A sentence that admits the fault as ours is not blame, even when it names a third party ("the courier
delivered the wrong item because we packed the wrong box, our mistake"); denied ("not our fault") it is a
disowning. A condition typed in Polish without diacritics («jesli») is still a condition. Wordings of our
own, each beside the plain statement that is blame."""
import pytest

CASES = [
    # (language, body, blame)
    ("ru", "Курьер привёз не тот товар.", True),
    ("ru", "Курьер привёз не тот товар, потому что мы ошиблись при сборке, — это наша ошибка.", False),
    ("ru", "Курьер привёз не тот товар, и это наша недоработка: адрес в заказе был неверный.", False),
    ("ru", "Курьер привёз не тот товар, и это не наша вина.", True),
    ("en", "The courier delivered the wrong item.", True),
    ("en", "The courier delivered the wrong item because we packed the wrong box, our mistake.", False),
    ("en", "The courier delivered the wrong item, it's not our fault.", True),
    ("pl", "Kurier przywiózł nie ten towar.", True),
    ("pl", "Kurier przywiózł nie ten towar, bo spakowaliśmy złe pudełko, to nasz błąd.", False),
    ("pl", "Kurier przywiózł nie ten towar, to nie nasza wina.", True),
    ("pl", "Kurier zgubil paczke.", True),
    ("pl", "Jesli kurier zgubi paczke, prosimy napisac do nas.", False),
]


@pytest.mark.parametrize("language, body, blame", CASES)
def test_a_fault_we_own_is_not_blame(rules_of, language, body, blame):
    assert ("blame-shift" in rules_of(body, language)) is blame
