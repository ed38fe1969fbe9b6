"""The project's URLs plus three chat-like pages for the extension's browser tests: a textarea, a
contenteditable editor, and a textarea inside an iframe."""
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.clickjacking import xframe_options_exempt

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p id="client-message">Когда привезут мой заказ?</p>{body}</body></html>"""


@xframe_options_exempt
def textarea(request):
    return HttpResponse(PAGE.format(title="Chat with a textarea",
                                    body='<textarea id="reply" rows="4" cols="60"></textarea>'
                                         '<input id="address" type="text" size="60">'))


def editor(request):
    return HttpResponse(PAGE.format(title="Chat with an editor",
                                    body='<div id="reply" contenteditable="true" role="textbox" '
                                         'style="min-height:4em;border:1px solid #999"></div>'))


def framed(request):
    return HttpResponse(PAGE.format(title="Chat in a frame",
                                    body='<iframe id="frame" src="/ext-test/textarea/" width="600" height="300"></iframe>'))


urlpatterns = [
    path("ext-test/textarea/", textarea),
    path("ext-test/editor/", editor),
    path("ext-test/frame/", framed),
    path("", include("config.urls")),
]
