from django.core.management.base import BaseCommand

from phrases.services.reminders import send_review_reminders


class Command(BaseCommand):
    help = "E-mail phrase owners (or reviewers) the phrases due for review, with usage figures. Run daily."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"Sent {sent} review reminder e-mail(s).")
