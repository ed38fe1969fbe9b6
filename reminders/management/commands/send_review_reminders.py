from datetime import date

from django.core.management.base import BaseCommand, CommandError

from reminders.services import send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each phrase owner (else the topic's reviewer, else the reviewers) one digest of the phrases "
        "due for review. Run it daily: a second run on the same day sends nothing, and an overdue phrase "
        "is mentioned again after QUICKPHRASES_REMINDER_REPEAT_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the digests; send and record nothing.")
        parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                            help="Run as if on this day (to catch up a missed run); default today.")

    def handle(self, *args, dry_run=False, as_of=None, **options):
        day = None
        if as_of is not None:
            try:
                day = date.fromisoformat(as_of)
            except ValueError:
                raise CommandError(f"--as-of: '{as_of}' is not a date; write it as YYYY-MM-DD.") from None
        run = send_review_reminders(as_of=day, dry_run=dry_run)
        when = f"{run.as_of:%Y-%m-%d}"
        if dry_run:
            for digest in run.planned:
                self.stdout.write(f"=== To: {digest.recipient.get_username()} <{digest.recipient.email}> "
                                  f"[{digest.planned.language}]\n=== Subject: {digest.subject}\n")
                self.stdout.write(digest.text)
            self.stdout.write(f"Dry run for {when}: {len(run.planned)} digest(s) would be sent; nothing recorded.")
        for digest in run.sent:
            self.stdout.write(f"Sent to {digest.recipient.get_username()} <{digest.recipient.email}>: "
                              f"{len(digest.planned.phrases)} phrase(s).")
        for digest in run.claimed_elsewhere:
            self.stdout.write(f"Skipped {digest.recipient.get_username()} <{digest.recipient.email}>: "
                              f"another run already sends their digest for {when}.")
        if run.already_sent_today:
            self.stdout.write(f"{run.already_sent_today} person(s) already had their digest for {when}; "
                              "their other due phrases follow in a later run.")
        for phrase in run.unreachable:
            self.stderr.write(f"Nobody to remind about '{phrase.key}': no active owner, topic reviewer or "
                              "reviewer with an e-mail address.")
        for digest, reason in run.failed:
            self.stderr.write(f"FAILED to send to {digest.recipient.get_username()} <{digest.recipient.email}>: "
                              f"{reason}. Not recorded; the next run sends it again.")
        if not dry_run:
            self.stdout.write(f"Review reminders for {when}: {len(run.sent)} digest(s) sent, "
                              f"{len(run.failed)} failed.")
        if run.failed:
            raise CommandError(f"{len(run.failed)} review reminder digest(s) could not be sent.")
