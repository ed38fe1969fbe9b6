from django.conf import settings
from django.core.management.base import BaseCommand

from suggestions.services import purge_expired_suggestion_data


class Command(BaseCommand):
    help = "Delete client messages kept for suggestions that are older than QUICKPHRASES_SUGGEST_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted = purge_expired_suggestion_data()
        self.stdout.write(f"Deleted {deleted} stored client messages older than "
                          f"{settings.QUICKPHRASES_SUGGEST_RETENTION_DAYS} days.")
