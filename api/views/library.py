from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import IsReviewer
from api.serializers import ImportReportSerializer
from api.views.phrases import ERRORS
from phrases import services


class ImportView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(request=OpenApiTypes.OBJECT, parameters=[
        OpenApiParameter("dry_run", bool, description="Validate and report without changing anything")],
        responses={200: ImportReportSerializer, **ERRORS},
        description="Import a quickphrases/v1 file, all or nothing: any invalid entry rejects the file (400 with "
                    "every problem by phrase key and field). Brand-voice findings are reported per phrase.")
    def post(self, request):
        dry_run = request.query_params.get("dry_run", "").lower() in ("1", "true", "yes")
        if not isinstance(request.data, dict):
            raise ValidationError({"detail": "Send the library file as a JSON object."})
        report = services.library_import(request.data, actor=request.user, dry_run=dry_run)
        return Response(report.as_dict())
