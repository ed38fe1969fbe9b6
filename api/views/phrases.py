"""The library by key: list, create, read, edit, archive; working copies for writers, live text for others."""
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import roles
from api import etags
from api.permissions import IsOperator, IsWriter
from api.serializers import (
    ErrorSerializer,
    LivePhraseSerializer,
    PhraseCreateInput,
    PhraseListFilters,
    PhraseSerializer,
    PhraseUpdateInput,
)
from phrases import selectors
from phrases.models import LivePhrase, Phrase, PhraseStatus
from phrases.services.actions import ArchiveAction, CreateAction, DeleteAction, UpdateAction

PHRASE_OR_LIVE = PolymorphicProxySerializer(
    component_name="PhraseOrLivePhrase", serializers=[PhraseSerializer, LivePhraseSerializer],
    resource_type_field_name=None, many=False)


class PhrasePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PolymorphicProxySerializer(
        component_name="PhraseOrLivePhrase", serializers=[PhraseSerializer, LivePhraseSerializer],
        resource_type_field_name=None, many=True)


ERRORS = {400: ErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}
IF_MATCH = OpenApiParameter("If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                            description="The ETag you edited; a stale one gets 412 and changes nothing")
ETAG = OpenApiParameter("ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 201],
                        description="Version tag of the phrase returned; send it back as If-Match")


class Pagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500


def get_working(key) -> Phrase:
    try:
        return Phrase.objects.select_related("topic", "owner", "reviewed_by", "live__topic", "live__approved_by").get(key=key)
    except Phrase.DoesNotExist:
        raise Http404(f"No phrase with key '{key}'.") from None


def get_live(key) -> LivePhrase:
    try:
        return LivePhrase.objects.select_related("topic").get(key=key)
    except LivePhrase.DoesNotExist:
        raise Http404(f"No approved phrase with key '{key}'.") from None


def working_response(phrase, status_code=status.HTTP_200_OK):
    response = Response(PhraseSerializer(phrase).data, status=status_code)
    response["ETag"] = etags.working_etag(phrase)
    return response


def _bool(value, name):
    if value is None:
        return None
    if value.lower() in ("1", "true", "yes"):
        return True
    if value.lower() in ("0", "false", "no"):
        return False
    raise ValidationError({name: [f"Use true or false, not '{value}'."]})


LIST_PARAMETERS = [
    OpenApiParameter("topic", str, description="Topic slug (includes its subtopics)"),
    OpenApiParameter("language", str),
    OpenApiParameter("status", str, enum=PhraseStatus.values, description="Writers and reviewers only"),
    OpenApiParameter("updated_since", OpenApiTypes.DATETIME, description="Changed at or after this time"),
    OpenApiParameter("due_for_review", bool, description="Only approved phrases whose review is due"),
    OpenApiParameter("usage", bool, description="Add uses_7d and uses_30d"),
]


class PhraseListView(APIView):
    """The library: working copies for writers and reviewers, the live text for operators."""

    permission_classes = [IsOperator]

    def get_permissions(self):
        return [IsWriter()] if self.request.method == "POST" else super().get_permissions()

    @extend_schema(operation_id="phrases_list", parameters=LIST_PARAMETERS,
                   responses={200: PhrasePageSerializer, **ERRORS},
                   description="Paginated (`page`, `page_size` ≤ 500). Writers and reviewers get working copies "
                               "(every status); operators get the live library.")
    def get(self, request):
        filters = PhraseListFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = filters.validated_data
        since, status_filter = params.get("updated_since"), params.get("status")
        due, usage = params.get("due_for_review"), params.get("usage")
        language, topic = params.get("language") or None, params.get("topic") or None
        if roles.is_writer(request.user):
            queryset = selectors.working_phrases(status=status_filter or None, language=language, topic=topic,
                                                 family=params.get("family") or None,
                                                 outdated=params.get("outdated", False))
            queryset = queryset.select_related("owner", "reviewed_by", "live__topic", "live__approved_by")
            queryset = queryset.prefetch_related(selectors.drift_marks_prefetch())
            if since:
                queryset = queryset.filter(updated_at__gte=since)
            if due:
                queryset = queryset.filter(pk__in=selectors.due_for_review().values("pk"))
            if usage:
                queryset = selectors.usage_counts(queryset)
            serializer = PhraseSerializer
        else:
            queryset = selectors.live_phrases(language=language, topic=topic)
            if params.get("family"):
                queryset = queryset.filter(family=params["family"])
            if status_filter and status_filter != PhraseStatus.APPROVED:
                queryset = queryset.none()
            if since:
                queryset = queryset.filter(approved_at__gte=since)
            if due:
                queryset = queryset.filter(phrase__in=selectors.due_for_review().values("pk"))
            if usage:
                queryset = selectors.live_usage_counts(queryset)
            serializer = LivePhraseSerializer
        paginator = Pagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(serializer(page, many=True).data)

    @extend_schema(request=PhraseCreateInput, parameters=[ETAG], responses={201: PhraseSerializer, **ERRORS},
                   description="Create a draft. Writers and reviewers.")
    def post(self, request):
        data = PhraseCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        reason = fields.pop("reason", "")
        key = fields.pop("key")
        phrase = CreateAction(actor=request.user, key=key, content=fields, reason=reason).execute()
        return working_response(get_working(phrase.key), status.HTTP_201_CREATED)


class PhraseDetailView(APIView):
    """One phrase by key. PATCH and DELETE honour If-Match (412 when stale)."""

    permission_classes = [IsOperator]

    def get_permissions(self):
        return [IsWriter()] if self.request.method in ("PATCH", "DELETE") else super().get_permissions()

    @extend_schema(operation_id="phrases_retrieve", parameters=[ETAG], responses={200: PHRASE_OR_LIVE, **ERRORS},
                   description="Writers and reviewers get the working copy (with its live text); operators the live "
                               "text (LivePhrase shape). The ETag header tags the version returned.")
    def get(self, request, key):
        if roles.is_writer(request.user):
            return working_response(get_working(key))
        live = get_live(key)
        response = Response(LivePhraseSerializer(live).data)
        response["ETag"] = etags.live_etag(live)
        return response

    @extend_schema(request=PhraseUpdateInput, parameters=[IF_MATCH, ETAG],
                   responses={200: PhraseSerializer, 409: ErrorSerializer, 412: ErrorSerializer, **ERRORS},
                   description="Edit the working copy. An approved phrase keeps serving its live text until a "
                               "reviewer approves the edit.")
    def patch(self, request, key):
        phrase = get_working(key)
        data = PhraseUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        reason = changes.pop("reason", "")
        UpdateAction(phrase=phrase, actor=request.user, changes=changes, reason=reason,
                               expected_revision=etags.expected_revision(request, phrase)).execute()
        return working_response(get_working(key))

    @extend_schema(parameters=[IF_MATCH, ETAG, OpenApiParameter("hard", bool, description="Delete for good (superusers)")],
                   responses={200: PhraseSerializer, 204: None, 409: ErrorSerializer, 412: ErrorSerializer, **ERRORS},
                   description="Archive the phrase (it leaves the live library). `?hard=true` deletes it for good "
                               "(superusers only).")
    def delete(self, request, key):
        phrase = get_working(key)
        expected = etags.expected_revision(request, phrase)
        if _bool(request.query_params.get("hard"), "hard"):
            DeleteAction(phrase=phrase, actor=request.user, expected_revision=expected).execute()
            return Response(status=status.HTTP_204_NO_CONTENT)
        ArchiveAction(phrase=phrase, actor=request.user, expected_revision=expected).execute()
        return working_response(get_working(key))
