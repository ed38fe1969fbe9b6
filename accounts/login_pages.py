"""The login pages (/login/ and /admin/login/) behind the same failure limits as the token endpoint.

The forms count a failed password check (accounts.throttling); past the limit they refuse with a
message that says nothing about whether the account exists, and `throttled_login` answers such a
page with 429 and Retry-After."""
import math
from functools import wraps

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from accounts.throttling import LoginThrottled, login_attempt


class ThrottledLoginMixin:
    retry_after = None  # seconds, when this attempt was refused

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()  # a field is missing: nothing was checked, nothing to count
        try:
            with login_attempt(self.request, username) as attempt:
                try:
                    return super().clean()
                except ValidationError:
                    attempt.fail()
                    raise
        except LoginThrottled as throttled:
            self.retry_after = throttled.wait
            minutes = max(1, math.ceil(throttled.wait / 60))
            raise ValidationError(
                ngettext("Too many failed login attempts. Please try again in %(minutes)d minute.",
                         "Too many failed login attempts. Please try again in %(minutes)d minutes.", minutes),
                code="throttled", params={"minutes": minutes}) from None


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


def throttled_login(view):
    """Wrap a login view: a form refused by the throttle gets 429 and Retry-After."""

    @wraps(view)
    def login(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if getattr(form, "retry_after", None):
            response.status_code = 429
            response["Retry-After"] = str(form.retry_after)
        return response

    return login
