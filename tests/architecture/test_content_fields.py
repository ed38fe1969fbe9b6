"""The phrase's content fields are listed once (phrases.models.CONTENT_FIELDS): the API's shapes and
the reviewers' field labels derive from it, so a field added there reaches them without another list."""
import pytest
from django.utils import translation

from api import serializers
from phrases.models import CONTENT_FIELDS, VERSION_FIELDS
from review.presentation import FIELD_LABELS, field_label

SHAPES = [serializers.PhraseSerializer, serializers.LivePhraseSerializer, serializers.LiveTextSerializer,
          serializers.PhraseCreateInput, serializers.PhraseUpdateInput]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: shape.__name__)
def test_every_api_shape_carries_every_content_field(shape):
    fields = list(shape().fields)
    assert [name for name in fields if name in CONTENT_FIELDS] == list(CONTENT_FIELDS)
    if "key" in fields:
        assert fields[0] == "key"


def test_every_versioned_field_has_a_label_from_the_model():
    assert set(FIELD_LABELS) == set(VERSION_FIELDS) and set(CONTENT_FIELDS) <= set(FIELD_LABELS)


@pytest.mark.parametrize("language, expected", [("en", "Shortcut"), ("ru", "Сокращение"), ("pl", "Skrót")])
def test_field_labels_are_translated(language, expected):
    with translation.override(language):
        assert str(field_label("shortcut")) == expected
        assert str(field_label("body")) == {"en": "Text", "ru": "Текст", "pl": "Tekst"}[language]


def test_inputs_take_the_models_length_limits():
    from phrases.models import Phrase

    fields = serializers.PhraseCreateInput().fields
    for name in ("title", "shortcut", "hotkey", "language"):
        assert fields[name].max_length == Phrase._meta.get_field(name).max_length
    assert fields["body"].max_length == serializers._max_length(Phrase._meta.get_field("body"))
