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
