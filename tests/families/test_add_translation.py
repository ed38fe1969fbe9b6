"""The editor's "Add a translation": the new variant comes prefilled from its source, and saving
it links the source into the family so the two share their triggers."""
import pytest

from phrases.models import LivePhrase, Phrase

pytestmark = pytest.mark.django_db


def test_add_a_translation_prefills_links_the_source_and_shares_the_hotkey(client, writer, make_live_phrase):
    make_live_phrase(key="hold-minute-ru", shortcut="/min", hotkey="Ctrl+Alt+2")
    client.force_login(writer)
    editor = client.get("/phrases/hold-minute-ru/").content.decode()
    assert "/phrases/new/?variant_of=hold-minute-ru&amp;language=en" in editor
    form = client.get("/phrases/new/", {"variant_of": "hold-minute-ru", "language": "en"}).content.decode()
    assert 'value="hold-minute"' in form and 'value="/min"' in form and 'value="Ctrl+Alt+2"' in form
    assert "Одну минуту" in form or "заказ" in form  # the source text is shown
    answer = client.post("/phrases/new/", {
        "variant_of": "hold-minute-ru", "title": "One minute", "key": "hold-minute-en",
        "body": "One moment, please.", "topic": Phrase.objects.get(key="hold-minute-ru").topic_id,
        "language": "en", "shortcut": "/min", "hotkey": "Ctrl+Alt+2", "family": "hold-minute", "save": "1"})
    assert answer.status_code == 302, answer.content.decode()[:3000]
    assert dict(Phrase.objects.filter(family="hold-minute").values_list("key", "hotkey")) == {
        "hold-minute-ru": "Ctrl+Alt+2", "hold-minute-en": "Ctrl+Alt+2"}
    assert LivePhrase.objects.get(key="hold-minute-ru").family == "hold-minute"
    assert Phrase.objects.get(key="hold-minute-ru").status == "approved"  # linking is not an edit
    variants = client.get("/phrases/hold-minute-en/").content.decode()
    assert "/phrases/hold-minute-ru/" in variants and "Other languages" in variants


def test_a_writer_may_not_move_a_live_phrase_to_another_family(writer, reviewer, make_live_phrase):
    from django.core.exceptions import PermissionDenied

    from phrases.services.workflow import phrase_link_family

    phrase = make_live_phrase(key="hold-minute-ru", family="hold-minute")
    with pytest.raises(PermissionDenied):
        phrase_link_family(phrase=phrase, actor=writer, family="other")
    moved = phrase_link_family(phrase=Phrase.objects.get(pk=phrase.pk), actor=reviewer, family="other")
    assert moved.family == "other" and LivePhrase.objects.get(key="hold-minute-ru").family == "other"
