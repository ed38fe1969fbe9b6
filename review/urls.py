from django.urls import path

from review import views

app_name = "review"
urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/<slug:key>/decide/", views.decide, name="decide"),
    path("review/<slug:key>/dismiss/", views.dismiss, name="dismiss"),
    # The history pages carry the `history/` suffix, so the editor's `phrases/<key>/` never shadows them.
    path("phrases/<slug:key>/history/", views.history, name="history"),
    path("phrases/<slug:key>/history/restore/", views.restore, name="restore"),
    path("phrases/<slug:key>/history/confirm/", views.confirm, name="confirm"),
]
