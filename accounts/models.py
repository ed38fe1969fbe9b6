"""Each person's preferences: interface and phrase languages, display name, e-mails, favourites."""
from django.conf import settings
from django.db import models

INTERFACE_LANGUAGES = [("ru", "Русский"), ("en", "English"), ("pl", "Polski")]


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    # Blank: follow the browser's Accept-Language.
    interface_language = models.CharField(max_length=8, blank=True, choices=INTERFACE_LANGUAGES)
    # The languages this person writes to clients in, first preferred; search ranks them first.
    phrase_languages = models.JSONField(default=list, blank=True)
    # Used for {operator_name}.
    display_name = models.CharField(max_length=80, blank=True)
    # The search page's language filter, remembered between visits ("" = all languages).
    search_language = models.CharField(max_length=8, blank=True)
    # Mail when a reviewer approves or sends back one of this person's phrases.
    review_emails = models.BooleanField(default=True)
    pinned = models.ManyToManyField("phrases.Phrase", blank=True, related_name="+")

    def __str__(self):
        return f"profile of {self.user}"


class PersonalAccessToken(models.Model):
    """A token a person creates on their profile page for the browser extension.

    It acts with an operator's abilities only (search, suggest, feedback, used, sync, the live
    library), even for a writer or reviewer: a token lying in a browser profile must never be able
    to change the library. Only the SHA-256 of the key is stored; the key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=80)
    # The key's first characters ("qp_" and a few more), shown in the list to tell tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
