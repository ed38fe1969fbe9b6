import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from accounts.roles import OPERATORS, REVIEWERS, WRITERS
from phrases.errors import ImportRejected
from phrases.lint.spelling import spelling_status
from phrases.models import Phrase
from phrases.services import library_import

DEMO_USERS = [("operator", OPERATORS, False), ("writer", WRITERS, False), ("reviewer", REVIEWERS, False),
              ("admin", None, True)]


class Command(BaseCommand):
    help = (
        "Load the starter library (only into an empty library, so edits survive) and create demo "
        "users for each role. Passwords are generated once, kept in .demo-credentials (git-ignored) "
        "and printed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--library", default=str(settings.BASE_DIR / "fixtures" / "starter_library.json"))
        parser.add_argument("--site", default="http://127.0.0.1:8000", help="Where the app is served (for the login hint)")

    def handle(self, *args, library, **options):
        if Phrase.objects.exists():
            self.stdout.write("The library already has phrases; the starter library was not loaded again.")
        else:
            with open(library, encoding="utf-8") as handle:
                data = json.load(handle)
            try:
                report = library_import(data, actor=None)
            except ImportRejected as error:
                raise CommandError(error.message) from None
            self.stdout.write(self.style.SUCCESS(f"Starter library: {report.summary()}"))
        status = spelling_status()
        self.stdout.write("Spelling: " + ", ".join(f"{language} {state}" for language, state in status.items()))
        credentials = self._credentials()
        User = get_user_model()
        self.stdout.write(f"Demo users (log in at {options['site'].rstrip('/')}/login/):")
        for username, group, superuser in DEMO_USERS:
            # The admin is for reviewers (accounts, brand-voice rules) and admins; operators and
            # writers work in the app's own pages.
            staff = superuser or group == REVIEWERS
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": staff, "is_superuser": superuser})
            if user.is_staff != staff:
                user.is_staff = staff
                user.save(update_fields=["is_staff"])
            if created or username not in credentials:
                credentials[username] = secrets.token_urlsafe(9)
                user.set_password(credentials[username])
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"  {username:<9} {credentials[username]:<14} ({group or 'superuser'})")
        self._save(credentials)

    @property
    def _path(self):
        return settings.BASE_DIR / ".demo-credentials"

    def _credentials(self):
        if not self._path.exists():
            return {}
        return json.loads(self._path.read_text())

    def _save(self, credentials):
        self._path.write_text(json.dumps(credentials, indent=2))
        self._path.chmod(0o600)
