"""`strict_json.loads` walks every string and number only when the text could hold a refused one (a NUL or
surrogate, escaped or raw, a long digit run, a three-digit exponent), and otherwise checks the depth alone:
its verdict and message are the full walk's in every case."""
import json

import pytest

from phrases import strict_json

CASES = [
    '{"a": "\\u0000"}', '{"a": "\\ud800"}', '{"a": "\\uDFFF"}', '{"a": 123456789012345678901}', '{"a": 1e999}',
    '{"a": 1.8e308}', '{"a": -1E+400}', "[" * 33 + "]" * 33, "[" * 32 + "]" * 32,
    '{"a": ' + "[" * 32 + "]" * 32 + "}", '{"a": ' + '[{"b": ' * 16 + "1" + "}]" * 16 + "}", '{"\\u0000": 1}',
    '{"a": "x\\\\u0000"}', '{"a": [1, {"b": [[]]}]}', '"\\ud800"', "12345678901234567890123", '{"a": 1E-400}',
    '{"a": "ok", "b": [1, 2, 3], "c": null, "d": 1.5e10}', '{"phrases": [{"key": "k", "keywords": ["x"]}]}',
    '"12345678901234567890123 in a string"', "[]", "3",
]


def _full_walk(text):
    data = json.loads(text, object_pairs_hook=strict_json._object, parse_constant=strict_json._constant,
                      parse_int=strict_json._integer, parse_float=strict_json._float)
    try:
        strict_json._check(data)
    except strict_json.StrictJSONError as error:
        return str(error)
    return data


@pytest.mark.parametrize("text", CASES)
def test_the_quick_path_gives_the_full_walks_verdict_and_message(text):
    try:
        result = strict_json.loads(text)
    except strict_json.StrictJSONError as error:
        result = str(error)
    assert result == _full_walk(text)
