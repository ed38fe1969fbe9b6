"""The interface speaks the language a logged-in person chose on their profile.

LocaleMiddleware has already picked the browser's Accept-Language; this runs after the
authentication middleware and overrides it for users who set a language. The choice is read
from the profile once per session and kept in the session, so a request costs no query.
"""
from django.utils import translation

from accounts import selectors
from accounts.services import SESSION_LANGUAGE_KEY


class ProfileLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self._chosen_language(request)
        if not language:
            return self.get_response(request)
        # override, not activate: the choice must not outlive the request in this thread.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    @staticmethod
    def _chosen_language(request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is None or session is None or not user.is_authenticated:
            return ""
        cached = session.get(SESSION_LANGUAGE_KEY)
        if cached is None or cached.get("user") != user.pk:
            cached = {"user": user.pk, "language": selectors.interface_language(user)}
            session[SESSION_LANGUAGE_KEY] = cached
        return cached["language"]
