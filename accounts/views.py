"""The profile page, and the two small endpoints the picker calls to remember choices."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotFound
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import roles, services, tokens
from accounts.forms import ProfileForm
from accounts.page_access import operator_required
from api.permissions import IsOperator


@operator_required
def profile_page(request):
    """Interface and phrase languages, the name clients see, review e-mails."""
    profile = services.profile_get(user=request.user)
    writes_phrases = roles.is_writer(request.user)
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_from(profile), writes_phrases=writes_phrases)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.profile_update(
                user=request.user, interface_language=form.cleaned_data["interface_language"],
                phrase_languages=form.phrase_languages(), display_name=form.cleaned_data["display_name"],
                review_emails=form.cleaned_data["review_emails"] if writes_phrases else profile.review_emails)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            request.session[services.SESSION_LANGUAGE_KEY] = {
                "user": request.user.pk, "language": profile.interface_language}
            if profile.interface_language:
                translation.activate(profile.interface_language)
            messages.success(request, _("Your preferences are saved."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", _token_context(request, {"form": form}),
                  status=400 if form.errors else 200)


NEW_TOKEN_SESSION_KEY = "quickphrases_new_token"


def _token_context(request, context):
    # A new key is in the session for exactly one page view: shown once, then gone.
    context["new_token"] = request.session.pop(NEW_TOKEN_SESSION_KEY, None)
    context["tokens"] = tokens.tokens_of(request.user)
    context.setdefault("token_error", "")
    return context


@require_POST
@operator_required
def token_create(request):
    """Create a personal access token; the next page view shows its key once."""
    try:
        token, key = tokens.token_create(user=request.user, name=request.POST.get("name", ""))
    except ValidationError as error:
        form = ProfileForm(initial=ProfileForm.initial_from(services.profile_get(user=request.user)))
        context = _token_context(request, {"form": form, "token_error": " ".join(error.message_dict["name"]),
                                           "token_name": request.POST.get("name", "")[:80]})
        return render(request, "accounts/profile.html", context, status=400)
    request.session[NEW_TOKEN_SESSION_KEY] = {"name": token.name, "key": key}
    return redirect(reverse("accounts:profile") + "#tokens")


@require_POST
@operator_required
def token_revoke(request, token_id):
    try:
        token = tokens.token_revoke(user=request.user, token_id=token_id)
    except ValidationError:
        return HttpResponseNotFound(_("There is no such token."))
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect(reverse("accounts:profile") + "#tokens")


class SearchLanguageInput(serializers.Serializer):
    language = serializers.CharField(allow_blank=True, max_length=8)


@extend_schema(exclude=True)  # the picker page's own endpoint, not part of the public API
class SearchLanguageView(APIView):
    """POST {"language": "ru"|""}: the picker's language filter, preselected next time."""

    permission_classes = [IsOperator]

    def post(self, request):
        data = SearchLanguageInput(data=request.data)
        data.is_valid(raise_exception=True)
        profile = services.profile_set_search_language(user=request.user, language=data.validated_data["language"])
        return Response({"language": profile.search_language})


class DisplayNameInput(serializers.Serializer):
    display_name = serializers.CharField(max_length=80)


@extend_schema(exclude=True)  # the picker page's own endpoint, not part of the public API
class DisplayNameView(APIView):
    """POST {"display_name"}: the name clients see, typed in the picker the first time it is needed."""

    permission_classes = [IsOperator]

    def post(self, request):
        data = DisplayNameInput(data=request.data)
        data.is_valid(raise_exception=True)
        profile = services.profile_set_display_name(user=request.user, **data.validated_data)
        return Response({"display_name": profile.display_name})


class PinInput(serializers.Serializer):
    key = serializers.SlugField(max_length=100)
    pinned = serializers.BooleanField()


@extend_schema(exclude=True)  # the picker page's own endpoint, not part of the public API
class PinView(APIView):
    """POST {"key", "pinned": true|false}: pin a live phrase to the empty picker, or unpin it."""

    permission_classes = [IsOperator]

    def post(self, request):
        data = PinInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.profile_set_pinned(user=request.user, **data.validated_data)
        return Response({"key": data.validated_data["key"], "pinned": data.validated_data["pinned"]},
                        status=status.HTTP_200_OK)
