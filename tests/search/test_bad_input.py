"""Bad input gets a clear error; nothing a user types breaks the search."""
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from phrases.search import SearchQueryError, search_phrases

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kwargs, field, fragment", [
    ({"query": "x" * 201}, "q", "201 characters"),
    ({"query": "привет", "language": "de"}, "language", "Unknown language 'de'"),
    ({"query": "привет", "limit": 0}, "limit", "1 to 200"),
    ({"query": "привет", "limit": 201}, "limit", "1 to 200"),
    ({"query": "привет", "limit": "ten"}, "limit", "whole number"),
    ({"query": "привет", "topic": "no-such-topic"}, "topic", "Unknown topic"),
])
def test_bad_input_is_refused_with_a_clear_message(library, kwargs, field, fragment):
    query = kwargs.pop("query")
    with pytest.raises(SearchQueryError) as error:
        search_phrases(query, **kwargs)
    assert error.value.field == field and fragment in error.value.message


def test_exactly_200_characters_is_allowed(library):
    assert isinstance(search_phrases("д" * 200), list)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_up_to_200_characters_returns_a_list(library, text):
    # Searching changes nothing, so one library serves every generated example.
    hits = search_phrases(text, limit=5)
    assert len(hits) <= 5 and all(0 <= hit.score <= 1 for hit in hits)
