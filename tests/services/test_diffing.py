"""The reviewer's word-level diff marks whole changed words and never cuts the text."""
from phrases.diffing import DELETE, EQUAL, INSERT, Segment, has_changes, word_diff


def test_a_changed_word_is_marked_whole():
    assert word_diff("Курьер будет завтра.", "Курьер будет сегодня.") == [
        Segment(EQUAL, "Курьер будет "), Segment(DELETE, "завтра"), Segment(INSERT, "сегодня"), Segment(EQUAL, "."),
    ]


def test_both_texts_can_be_rebuilt_from_the_segments():
    old = "{client_name}, заказ {order_id} будет у Вас {date}. Курьер позвонит за час до приезда."
    new = "{client_name}, Ваш заказ {order_id} приедет {date}; курьер позвонит заранее."
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.op != INSERT) == old
    assert "".join(s.text for s in segments if s.op != DELETE) == new


def test_placeholders_are_single_units():
    segments = word_diff("Здравствуйте, {client_name}!", "Здравствуйте, {operator_name}!")
    assert Segment(DELETE, "{client_name}") in segments and Segment(INSERT, "{operator_name}") in segments


def test_a_new_phrase_is_one_insertion_and_equal_texts_have_no_changes():
    assert word_diff(None, "Добрый день.") == [Segment(INSERT, "Добрый день.")]
    assert not has_changes(word_diff("Одну минуту.", "Одну минуту."))
