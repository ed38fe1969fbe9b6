"""Mail backends that fail the way real servers do, for the failure tests (set via EMAIL_BACKEND)."""
import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class RefusingSomeRecipientsBackend(LocmemBackend):
    """Delivers like locmem, but the server refuses every address at refused.example (as SMTP does)."""

    def send_messages(self, messages):
        for message in messages:
            refused = {address: (550, b"5.1.1 Mailbox unavailable") for address in message.recipients()
                       if address.endswith("@refused.example")}
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)
