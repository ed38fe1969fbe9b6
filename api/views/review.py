"""History and the review workflow, each action one service call."""
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api import etags
from api.permissions import IsReviewer, IsWriter
from api.serializers import (
    ApproveInput,
    ErrorSerializer,
    PhraseSerializer,
    ReasonInput,
    RejectInput,
    RevertInput,
    VersionSerializer,
)
from api.views.phrases import ERRORS, ETAG, IF_MATCH, get_working, working_response
from phrases import selectors, services

ACTION_ERRORS = {409: ErrorSerializer, 412: ErrorSerializer, **ERRORS}


class HistoryView(APIView):
    permission_classes = [IsWriter]

    @extend_schema(responses={200: VersionSerializer(many=True), **ERRORS},
                   description="Every version, newest first, with author, time, reason and the field changes "
                               "against the version before.")
    def get(self, request, key):
        phrase = get_working(key)
        return Response(VersionSerializer(selectors.phrase_versions(phrase), many=True).data)


class _ActionView(APIView):
    input_serializer = ReasonInput

    def act(self, phrase, request, data):
        raise NotImplementedError

    def post(self, request, key):
        phrase = get_working(key)
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        self.act(phrase, request, dict(data.validated_data), etags.expected_revision(request, phrase))
        return working_response(get_working(key))


class SubmitView(_ActionView):
    permission_classes = [IsWriter]

    @extend_schema(request=ReasonInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Send a draft for review; the brand-voice findings are stored with this version.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        services.phrase_submit(phrase=phrase, actor=request.user, reason=data.get("reason", ""),
                               expected_revision=expected)


class ApproveView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = ApproveInput

    @extend_schema(request=ApproveInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Approve a phrase in review: its text goes live. Brand-voice errors block it (409 "
                               "with `issues`); warnings need `acknowledge_warnings`.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        services.phrase_approve(phrase=phrase, actor=request.user, acknowledge_warnings=data["acknowledge_warnings"],
                                reason=data.get("reason", ""), expected_revision=expected)


class RejectView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = RejectInput

    @extend_schema(request=RejectInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Send a phrase in review back to its writer with a comment.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        services.phrase_reject(phrase=phrase, actor=request.user, comment=data["comment"], expected_revision=expected)


class RevertView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = RevertInput

    @extend_schema(request=RevertInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Restore an earlier version's text as a new version (it goes through review like "
                               "any edit, unless it is exactly the live text).")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        services.phrase_revert(phrase=phrase, actor=request.user, version_id=data["version"],
                               reason=data.get("reason", ""), expected_revision=expected)
