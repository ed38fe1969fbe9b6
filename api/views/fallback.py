from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # answers 404 to every method; there is nothing to protect
def not_found(request, *args, **kwargs):
    """Unknown paths under /api/ answer in JSON like the rest of the API."""
    return JsonResponse({"detail": f"No API endpoint at {request.path}."}, status=404)
