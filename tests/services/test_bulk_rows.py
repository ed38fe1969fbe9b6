"""Rows written with prepared statements (the import's writing path) are the rows the ORM writes."""
import pytest
from django.utils import timezone

from phrases.models import LiveChange, Phrase, Topic
from phrases.services import bulk_rows

pytestmark = pytest.mark.django_db


def test_a_row_written_in_bulk_reads_back_as_the_same_row_saved_by_the_orm():
    topic = Topic.objects.create(slug="delivery", name="Доставка")
    now = timezone.now()
    fields = {"title": "Сроки «доставки»", "body": "{client_name}, заказ будет у Вас завтра.", "topic": topic,
              "language": "ru", "shortcut": "/eta", "keywords": ["когда привезут", "срок"], "status": "approved",
              "reviewed_at": now, "review_due_at": now.date(), "warnings_acknowledged": True,
              "lint_findings": [{"rule": "spelling", "severity": "info", "dismissed": {"at": now.isoformat()}}],
              "version_action": {"action": "import"}}
    saved = Phrase(key="by-orm", **fields)
    saved.save()
    written = Phrase(key="by-rows", **{**fields, "shortcut": "/eta2"})
    written.created_at = written.updated_at = saved.created_at
    [written.pk] = bulk_rows.next_ids(Phrase, 1)
    columns = [field.attname for field in Phrase._meta.concrete_fields]
    assert bulk_rows.insert(Phrase, columns, bulk_rows.object_rows([written], columns)) == 1
    rows = {row["key"]: row for row in Phrase.objects.values()}
    assert rows["by-rows"]["id"] == saved.pk + 1
    differ = {"id", "key", "shortcut", "updated_at"}
    assert {k: v for k, v in rows["by-rows"].items() if k not in differ} == {
        k: v for k, v in rows["by-orm"].items() if k not in differ}
    assert rows["by-rows"]["created_at"] == saved.created_at and rows["by-rows"]["reviewed_at"] == now


def test_new_ids_continue_the_tables_sequence_past_deleted_rows():
    LiveChange.objects.create(key="a", action="upsert")
    last = LiveChange.objects.create(key="b", action="upsert").pk
    LiveChange.objects.filter(pk=last).delete()
    ids = bulk_rows.next_ids(LiveChange, 2)
    assert ids == [last + 1, last + 2]  # a deleted row's id is never given again
    bulk_rows.insert(LiveChange, ("id", "key", "action", "created_at"),
                     [(pk, f"k{pk}", "upsert", timezone.now()) for pk in ids])
    assert LiveChange.objects.create(key="c", action="upsert").pk == ids[-1] + 1


def test_an_update_in_bulk_sets_each_rows_columns():
    topic = Topic.objects.create(slug="delivery", name="Доставка")
    phrases = [Phrase.objects.create(key=f"p{n}-ru", title="T", body="Текст.", topic=topic, language="ru")
               for n in range(3)]
    bulk_rows.update(Phrase, ("title", "keywords"), [(f"Новый {p.pk}", ["k", p.key], p.pk) for p in phrases[:2]])
    assert [(p.title, p.keywords) for p in Phrase.objects.order_by("pk")] == [
        (f"Новый {phrases[0].pk}", ["k", "p0-ru"]), (f"Новый {phrases[1].pk}", ["k", "p1-ru"]), ("T", [])]
