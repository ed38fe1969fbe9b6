"""Library file import over REST: small files at once, large ones as a background job to poll."""
from django.conf import settings
from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.import_jobs import import_job_cancel, import_job_status, start_import_job
from api.models import ImportJob
from api.permissions import IsReviewer
from api.serializers import ImportJobSerializer, ImportOptionsInput, ImportReportSerializer
from api.views.phrases import ERRORS
from phrases import services

OPTION_FIELDS = ("dry_run", "publish_over_findings", "reason")


def _job_response(request, job, status_code=status.HTTP_200_OK):
    url = request.build_absolute_uri(reverse("api:import-job", args=[job.pk]))
    response = Response(ImportJobSerializer(job, context={"url": url}).data, status=status_code)
    if status_code == status.HTTP_202_ACCEPTED:
        response["Location"] = url
    return response


class ImportView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=OpenApiTypes.OBJECT, parameters=[
        OpenApiParameter("dry_run", bool, description="Validate and report without changing anything"),
        OpenApiParameter("publish_over_findings", bool,
                         description="Publish approved phrases over brand-voice errors (needs `reason`)"),
        OpenApiParameter("reason", str, description="Why the findings do not apply; kept in history")],
        responses={200: ImportReportSerializer, 202: ImportJobSerializer, **ERRORS},
        description="Import a quickphrases/v1 file, all or nothing on validity: any invalid entry rejects the file "
                    "(400 with every problem by phrase key and field). Brand-voice findings are reported per phrase; "
                    "an approved phrase with an error is imported but held in review (`held`), unless "
                    "`publish_over_findings` with a `reason` publishes it with the overrule recorded. The options "
                    "may also be top-level fields of the body. A file with more phrases than "
                    "QUICKPHRASES_IMPORT_SYNC_LIMIT runs in the background: 202 with the job (poll its `url`).")
    def post(self, request):
        if not isinstance(request.data, dict):
            raise ValidationError({"detail": "Send the library file as a JSON object."})
        document = dict(request.data)
        given = {name: document.pop(name) for name in OPTION_FIELDS if name in document}
        given.update({name: request.query_params[name] for name in OPTION_FIELDS if name in request.query_params})
        options = ImportOptionsInput(data=given)
        options.is_valid(raise_exception=True)
        phrases = document.get("phrases")
        if isinstance(phrases, list) and len(phrases) > settings.QUICKPHRASES_IMPORT_SYNC_LIMIT:
            job = start_import_job(data=document, actor=request.user, **options.validated_data)
            return _job_response(request, job, status.HTTP_202_ACCEPTED)
        report = services.library_import(document, actor=request.user, **options.validated_data)
        return Response(report.as_dict())


class ImportJobView(APIView):
    permission_classes = [IsReviewer]

    def _job(self, job_id) -> ImportJob:
        try:
            return ImportJob.objects.get(pk=job_id)
        except ImportJob.DoesNotExist:
            raise Http404(f"No import job {job_id}.") from None

    @extend_schema(responses={200: ImportJobSerializer, **ERRORS},
                   description="A background import: `status` (queued, running, succeeded, failed, cancelled), "
                               "`stage` and `done`/`total` while it runs, then the `report` or the `problems`. A job "
                               "whose worker died is run again from the start by another worker (nothing was "
                               "changed by the first run).")
    def get(self, request, job_id):
        return _job_response(request, import_job_status(self._job(job_id)))

    @extend_schema(responses={200: ImportJobSerializer, **ERRORS},
                   description="Cancel the import: a queued one never starts; a running one stops and rolls back "
                               "(nothing changes), `status` turns `cancelled` within a few seconds. A finished "
                               "job is left as it is.")
    def delete(self, request, job_id):
        return _job_response(request, import_job_status(import_job_cancel(self._job(job_id))))
