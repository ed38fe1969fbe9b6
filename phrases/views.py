"""Server-rendered pages. The operator's search page talks to the REST API as the user types."""
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from phrases.models import Topic


@login_required
def search_page(request):
    """The operator's picker: type a few letters, pick a phrase, it is copied and its use recorded."""
    return render(request, "phrases/search.html", {
        "languages": settings.QUICKPHRASES_LANGUAGES,
        "topics": Topic.objects.order_by("order", "slug"),
    })
