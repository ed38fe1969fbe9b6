"""`send_review_reminders` as cron runs it: --as-of, --dry-run, bad input."""
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from phrases.services import library_import
from reminders.models import ReminderDigest, ReminderEntry

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("send_review_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "25.11.2026", ""])
def test_bad_as_of_date_is_an_error_naming_the_option(bad):
    with pytest.raises(CommandError, match="--as-of"):
        _run("--as-of", bad)
    assert not ReminderDigest.objects.exists()


def test_dry_run_prints_the_digests_and_records_nothing(make_live_phrase, writer_with_address, due_day):
    make_live_phrase(key="eta-ru")
    out, _ = _run("--dry-run", "--as-of", due_day.isoformat())
    assert "=== To: wanda-writer <wanda@example.com> [en]" in out
    assert "https://phrases.example.com/phrases/eta-ru/" in out
    assert "nothing recorded" in out
    assert mail.outbox == [] and not ReminderDigest.objects.exists()


def test_cron_runs_forty_days_after_an_import_send_each_recipient_exactly_one_digest(
        django_user_model, settings):
    """Part of the starter library (kept small for speed), imported today; two reviewers; two runs on day 40."""
    data = json.loads((django_settings.BASE_DIR / "fixtures" / "starter_library.json").read_text(encoding="utf-8"))
    data["phrases"] = data["phrases"][:12]
    library_import(data, actor=None)
    reviewers = Group.objects.get(name="reviewers")
    for name in ("roman", "rita"):
        django_user_model.objects.create_user(name, f"{name}@example.com", "pw").groups.add(reviewers)
    day_40 = (timezone.localdate() + timedelta(days=40)).isoformat()

    first, _ = _run("--as-of", day_40)
    second, _ = _run("--as-of", day_40)

    assert sorted(m.to[0] for m in mail.outbox) == ["rita@example.com", "roman@example.com"]
    assert "2 digest(s) sent" in first and "0 digest(s) sent" in second
    assert ReminderDigest.objects.count() == 2
    approved = sum(1 for p in data["phrases"] if p["status"] == "approved")
    assert ReminderEntry.objects.filter(digest__email="roman@example.com").count() == approved
