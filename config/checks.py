"""System checks of the deployment (`manage.py check --deploy`) beyond Django's own."""
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


@register(Tags.security, deploy=True)
def site_url_is_public(app_configs=None, **kwargs):
    """Links in e-mails (review digests, outcomes) are built from QUICKPHRASES_SITE_URL: left at its
    local default, every link a reviewer clicks in production points at their own machine."""
    url = settings.QUICKPHRASES_SITE_URL
    host = urlsplit(url).hostname or ""
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return [Warning(
            f"QUICKPHRASES_SITE_URL is {url!r}, a local address: links in e-mails would point at the reader's "
            "own machine.", hint="Set QUICKPHRASES_SITE_URL to the address people open, e.g. "
                                 "https://phrases.example.com.", id="quickphrases.W001")]
    return []
