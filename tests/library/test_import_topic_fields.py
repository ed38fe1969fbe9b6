"""The import checks a topic's slug and name by the model's own field rules, in bulk: a valid value takes the
quick path, an invalid one is reported with the message Topic.full_clean gives, field by field."""
import pytest
from django.core.exceptions import ValidationError

from phrases.errors import ImportRejected
from phrases.models import Topic
from phrases.services import library_import

pytestmark = pytest.mark.django_db


def _model_messages(**values):
    try:
        Topic(**{"slug": "ok", "name": "Ok", **values}).full_clean(exclude=["parent", "reviewer"],
                                                                    validate_unique=False)
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize("slug, name", [
    ("bad slug!", "Fine"),           # the slug's regex
    ("s" * 65, "Fine"),              # the slug's max_length
    ("fine", "n" * 121),             # the name's max_length
    ("fine", "  \u200b "),           # blank once cleaned
    ("", "Fine"),                    # blank slug
])
def test_a_topic_field_the_model_refuses_is_reported_with_the_models_message(slug, name):
    with pytest.raises(ImportRejected) as rejected:
        library_import({"format": "quickphrases/v1", "topics": [{"slug": slug, "name": name, "parent": None}],
                        "phrases": []})
    reported = {}
    for problem in rejected.value.problems:
        reported.setdefault(problem["field"], []).append(problem["message"])
    expected = _model_messages(slug=slug, name=name)
    assert expected and reported == expected
    assert not Topic.objects.filter(slug=slug).exists()


def test_topic_fields_at_their_limits_are_accepted():
    library_import({"format": "quickphrases/v1", "topics": [
        {"slug": "s" * 64, "name": "n" * 120, "parent": None}, {"slug": "a-b_9", "name": "Доставка", "parent": None}],
        "phrases": []})
    assert set(Topic.objects.values_list("slug", flat=True)) >= {"s" * 64, "a-b_9"}
