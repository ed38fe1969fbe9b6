"""The writers' pages: the working library and the editor."""
from django.http import HttpResponse, JsonResponse

from studio.permissions import writer_required


@writer_required
def phrase_list(request):
    return HttpResponse("")


@writer_required
def phrase_new(request):
    return HttpResponse("")


@writer_required
def phrase_edit(request, key):
    return HttpResponse("")


@writer_required
def phrase_check(request):
    return JsonResponse({})
