"""What operators and chat tools read: search, sync, exports, topics, usage, and the linter."""
from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors as profile_selectors
from api import sync
from api.permissions import CanReadLive, IsOperator, IsWriter, is_chat_tool
from api.serializers import (
    ExportFilters,
    LintInput,
    LintResultSerializer,
    SearchResultsSerializer,
    SyncSerializer,
    TopicSerializer,
    UsedInput,
)
from api.views.phrases import ERRORS, get_live
from phrases import selectors, services
from phrases.exporters.registry import EXPORTERS
from phrases.lint import lint_text, spelling_status
from phrases.search import languages_first, search_phrases


class SearchView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(parameters=[
        OpenApiParameter("q", str, description="What the operator typed (≤ 200 characters; empty: most used)"),
        OpenApiParameter("language", str), OpenApiParameter("topic", str, description="Topic slug"),
        OpenApiParameter("limit", int, description="1–200, default 10"),
        OpenApiParameter("prefer", str, description="The conversation's language (the client's, when known): "
                                                    "ranks first when no `language` is given")],
        responses={200: SearchResultsSerializer, **ERRORS},
        description="Fuzzy search over the approved library, best first. Without `language`, the user's "
                    "languages come first (profile phrase languages, else interface language, else "
                    "`Accept-Language`), and a language family shows once, its other languages in `variants`.")
    def get(self, request):
        params = request.query_params
        query, language = params.get("q", ""), params.get("language") or None
        user = None if is_chat_tool(request) else request.user
        # A person's own preferences: their languages rank first when no language is chosen (the
        # conversation's first), and their pinned favourites open the empty picker.
        prefer = [] if language else languages_first(
            profile_selectors.language_order_for(user, request.headers.get("Accept-Language", "")),
            params.get("prefer") or None)
        pinned = profile_selectors.pinned_keys(user) if user and not query.strip() else []
        hits = search_phrases(query, language=language, topic=params.get("topic") or None,
                              limit=params.get("limit", 10), user=user, prefer_languages=prefer,
                              pinned_keys=pinned)
        return Response({"results": [hit.as_dict() for hit in hits]})


class UsedView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(request=UsedInput, responses={204: None, **ERRORS},
                   description="Record one use of a phrase (cheap: call it on every insertion).")
    def post(self, request, key):
        data = UsedInput(data=request.data)
        data.is_valid(raise_exception=True)
        live = get_live(key)
        if is_chat_tool(request):
            user, default_client = None, request.user.token.name
        else:
            user, default_client = request.user, request.headers.get("X-Client", "api")
        services.phrase_record_use(phrase=live.phrase, user=user,
                                   client=data.validated_data.get("client") or default_client)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TopicsView(APIView):
    permission_classes = [IsOperator]

    @extend_schema(responses={200: TopicSerializer(many=True), **ERRORS}, description="The topic tree.")
    def get(self, request):
        return Response(selectors.topic_forest())


class LintView(APIView):
    permission_classes = [IsWriter]

    @extend_schema(request=LintInput, responses={200: LintResultSerializer, **ERRORS},
                   description="Check a text against the brand-voice rules in force.")
    def post(self, request):
        data = LintInput(data=request.data)
        data.is_valid(raise_exception=True)
        language = data.validated_data["language"]
        issues = [finding.as_dict() for finding in lint_text(data.validated_data["body"], language)]
        unavailable = ["spelling"] if spelling_status([language])[language] != "available" else []
        return Response({"issues": issues, "unavailable": unavailable})


class SyncView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(parameters=[
        OpenApiParameter("since", str, description="The cursor from the previous answer; none: everything"),
        OpenApiParameter("limit", int, description=f"Changed phrases per page, 1–{sync.MAX_LIMIT} "
                                                   f"(default {sync.DEFAULT_LIMIT})"),
        OpenApiParameter("If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False)],
        responses={200: SyncSerializer, 304: OpenApiResponse(description="Nothing changed"), **ERRORS},
        description="Changes to the approved library since the cursor: upserts (full phrases) and deletes "
                    "(keys), oldest change first. Repeat with the returned cursor while `has_more`.")
    def get(self, request):
        since = sync.decode_cursor(request.query_params.get("since"))
        limit = sync.parse_limit(request.query_params.get("limit"))
        revision = selectors.library_revision()
        etag = sync.etag(since, revision, limit)
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        else:
            response = Response(sync.changes(since, revision, limit))
        response["ETag"] = etag
        return response


class ExportView(APIView):
    permission_classes = [CanReadLive]

    @extend_schema(parameters=[
        OpenApiParameter("export_format", str, OpenApiParameter.PATH, enum=sorted(EXPORTERS)),
        OpenApiParameter("language", str, description="One of QUICKPHRASES_LANGUAGES (400 otherwise)"),
        OpenApiParameter("topic", str, description="An existing topic slug, with its subtopics (400 otherwise)")],
        responses={**{(200, exporter.content_type.split(";")[0]):
                      # JSON exports are a document (quickphrases) or a list (chatwoot canned responses)
                      {"oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}
                      if "json" in exporter.content_type
                      else OpenApiTypes.OBJECT if "yaml" in exporter.content_type else OpenApiTypes.BINARY
                      for exporter in EXPORTERS.values()}, **ERRORS},
        description="Download the approved library: " + "; ".join(
            f"`{name}`: {exporter.description}" for name, exporter in sorted(EXPORTERS.items())))
    def get(self, request, export_format):
        exporter = EXPORTERS.get(export_format)
        if exporter is None:
            raise Http404(f"Unknown export format '{export_format}'; use one of {', '.join(sorted(EXPORTERS))}.")
        filters = ExportFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        language = filters.validated_data.get("language") or None
        topic = filters.validated_data.get("topic") or None
        phrases = list(selectors.live_phrases(language=language, topic=topic))
        # A family's shared hotkey goes once, to the variant in the reader's first language.
        order = profile_selectors.language_order_for(request.user, request.headers.get("Accept-Language", ""))
        response = HttpResponse(exporter.export(phrases, language_order=order), content_type=exporter.content_type)
        # Only validated values reach the header: a configured language and an existing topic slug.
        suffix = "-".join(part for part in ("quickphrases", language, topic) if part)
        response["Content-Disposition"] = f'attachment; filename="{suffix}{exporter.extension}"'
        return response
