"""History and the review workflow, each action one service call."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from api import etags
from api.permissions import IsReviewer, IsWriter
from api.serializers import (
    ApproveInput,
    DismissalSerializer,
    DismissInput,
    ErrorSerializer,
    PhraseSerializer,
    ReasonInput,
    RejectInput,
    RevertInput,
    SubmitInput,
    VersionSerializer,
)
from api.views.phrases import ERRORS, ETAG, IF_MATCH, get_working, working_response
from phrases import selectors
from phrases.services.actions import (
    ApproveAction,
    ConfirmAction,
    DismissFindingAction,
    RejectAction,
    RevertAction,
    SubmitAction,
    WithdrawDismissalAction,
)

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
    input_serializer = SubmitInput

    @extend_schema(request=SubmitInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Send a draft for review, with an optional `note` to the reviewer; the brand-voice "
                               "findings are stored with this version.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        SubmitAction(phrase=phrase, actor=request.user, note=data.get("note", ""),
                               reason=data.get("reason", ""), expected_revision=expected).execute()


class ApproveView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = ApproveInput

    @extend_schema(request=ApproveInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Approve a phrase in review: its text goes live. Brand-voice errors block it (409 "
                               "with `issues`); warnings need `acknowledge_warnings`.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        ApproveAction(phrase=phrase, actor=request.user, acknowledge_warnings=data["acknowledge_warnings"],
                                reason=data.get("reason", ""), expected_revision=expected).execute()


class RejectView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = RejectInput

    @extend_schema(request=RejectInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Send a phrase in review back to its writer with a comment.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        RejectAction(phrase=phrase, actor=request.user, comment=data["comment"], expected_revision=expected).execute()


class RevertView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = RevertInput

    @extend_schema(request=RevertInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Restore an earlier version's text as a new version (it goes through review like "
                               "any edit, unless it is exactly the live text). With `publish`, restore and publish "
                               "in one step, under the approval gate (409 with `issues`; warnings need "
                               "`acknowledge_warnings`).")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        RevertAction(phrase=phrase, actor=request.user, version_id=data["version"],
                               reason=data.get("reason", ""), publish=data["publish"],
                               acknowledge_warnings=data["acknowledge_warnings"], expected_revision=expected).execute()


class ConfirmView(_ActionView):
    permission_classes = [IsReviewer]

    @extend_schema(request=ReasonInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="\"Reviewed, still right\": restart an approved phrase's review clock without a new "
                               "text (recorded in history). Reviewers only; 409 unless approved with no pending edit.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        ConfirmAction(phrase=phrase, actor=request.user, reason=data.get("reason", ""),
                                        expected_revision=expected).execute()


class DismissView(_ActionView):
    permission_classes = [IsReviewer]
    input_serializer = DismissInput

    @extend_schema(request=DismissInput, parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Overrule one brand-voice finding on this phrase, with a reason: name its `rule` and "
                               "the flagged words (`text`) or their span (`start`, `end`). Recorded in history; holds "
                               "while the linter flags the same words; a dismissed error no longer blocks approval "
                               "and a dismissed warning counts as acknowledged. Reviewers only.")
    def post(self, request, key):
        return super().post(request, key)

    def act(self, phrase, request, data, expected):
        DismissFindingAction(phrase=phrase, actor=request.user, expected_revision=expected, **data).execute()


class DismissalListView(APIView):
    permission_classes = [IsWriter]

    @extend_schema(responses={200: DismissalSerializer(many=True), **ERRORS},
                   description="The dismissed findings of this phrase, newest first; `in_force` says whether the "
                               "linter still flags those words (an edit of the words ends a dismissal).")
    def get(self, request, key):
        phrase = get_working(key)
        return Response(DismissalSerializer(selectors.phrase_dismissal_list(phrase), many=True).data)


class DismissalDetailView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(parameters=[IF_MATCH, ETAG], responses={200: PhraseSerializer, **ACTION_ERRORS},
                   description="Withdraw a dismissal: the finding counts again. Recorded in history. Reviewers only.")
    def delete(self, request, key, dismissal_id):
        phrase = get_working(key)
        WithdrawDismissalAction(phrase=phrase, actor=request.user, dismissal_id=dismissal_id,
                                            expected_revision=etags.expected_revision(request, phrase)).execute()
        return working_response(get_working(key), status.HTTP_200_OK)
