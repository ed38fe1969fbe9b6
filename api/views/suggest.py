"""Suggestions from a client's message, and the picker's feedback on them (contract section 4)."""
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors as profile_selectors
from api.permissions import CanReadLive, is_chat_tool
from api.serializers import SearchHitSerializer, StrictInput
from api.views.phrases import ERRORS
from phrases.search import family_variants
from suggestions import ranking, selectors, services


class TextField(serializers.CharField):
    """Text only: a number or a list is refused rather than turned into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class SuggestInput(StrictInput):
    message = TextField(max_length=ranking.MAX_MESSAGE_LENGTH, trim_whitespace=False,
                                    help_text="The client's message, as they wrote it")
    language = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=8,
                                     help_text="ru, en or pl; none: detected from the message")
    limit = serializers.IntegerField(required=False, min_value=1, max_value=ranking.MAX_LIMIT,
                                     default=ranking.DEFAULT_LIMIT, help_text="1–5, default 3")


class SuggestionSerializer(SearchHitSerializer):
    why = serializers.CharField(help_text="The words or learned picks behind the suggestion")


class SuggestResultsSerializer(serializers.Serializer):
    language = serializers.CharField(help_text="The language given, or the one detected")
    results = SuggestionSerializer(many=True, help_text="Best first; empty when nothing fits well")


class FeedbackInput(StrictInput):
    message = TextField(max_length=ranking.MAX_MESSAGE_LENGTH, trim_whitespace=False,
                        help_text="The client's message, or the words searched (`source`: `search`)")
    language = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=8,
                                     help_text="ru, en or pl; none: detected from the message")
    chosen = serializers.SlugField(max_length=100, allow_null=True, required=False, default=None,
                                   help_text="The key of the phrase used, or null")
    dismissed = serializers.ListField(child=serializers.SlugField(max_length=100), required=False, default=list,
                                      max_length=services.MAX_DISMISSED, help_text="Keys of dismissed suggestions")
    source = serializers.ChoiceField(choices=["suggest", "search"], required=False, default="suggest",
                                     help_text="`search`: a normal search that ended in a use (`chosen`) or "
                                               "with none (`chosen`: null)")


class FeedbackResultSerializer(serializers.Serializer):
    recorded = serializers.BooleanField(help_text="false: nothing stored (a search that is a shortcut, a "
                                                  "hotkey or too short, or the same unanswered search again)")


class SuggestView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(request=SuggestInput, responses={200: SuggestResultsSerializer, **ERRORS},
                   description="Up to `limit` approved phrases that answer a client's message, best first, each "
                               "with `score` and `why`; an empty list when nothing fits well.")
    def post(self, request):
        data = SuggestInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        user = None if is_chat_tool(request) else request.user
        prefer = profile_selectors.language_order_for(user, request.headers.get("Accept-Language", ""))
        language, results = selectors.suggest_replies(values["message"], language=values.get("language") or None,
                                                      limit=values["limit"], prefer_languages=prefer)
        # The client's language answers this message; the family's other languages are one key away.
        order = [language] + [code for code in prefer if code != language]
        families = family_variants([hit["key"] for hit in results], order)
        for hit in results:
            hit.update(families[hit["key"]])
        return Response({"language": language, "results": results})


class SuggestFeedbackView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(request=FeedbackInput, responses={201: FeedbackResultSerializer, 200: FeedbackResultSerializer,
                                                     **ERRORS},
                   description="Record an operator's pick (`chosen`) and dismissals for a client's message, or "
                               "how a search ended (`source`: `search`; `chosen`: null when nothing was used); "
                               "the team's feedback improves later suggestions and shows missing replies. "
                               "201 when stored, 200 with `recorded`: false when there was nothing to store.")
    def post(self, request):
        data = FeedbackInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        user = None if is_chat_tool(request) else request.user
        prefer = profile_selectors.language_order_for(user, request.headers.get("Accept-Language", ""))
        stored = services.feedback_record(user=user, message=values["message"], language=values.get("language"),
                                          chosen=values.get("chosen"), dismissed=values["dismissed"],
                                          source=values["source"], prefer_languages=prefer)
        if stored is None:
            return Response({"recorded": False}, status=status.HTTP_200_OK)
        return Response({"recorded": True}, status=status.HTTP_201_CREATED)
