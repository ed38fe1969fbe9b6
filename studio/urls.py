from django.urls import path

from studio import views

app_name = "studio"
urlpatterns = [
    path("phrases/", views.phrase_list, name="phrase_list"),
    path("phrases/new/", views.phrase_new, name="phrase_new"),
    path("phrases/check/", views.phrase_check, name="phrase_check"),
    path("phrases/<slug:key>/", views.phrase_edit, name="phrase_edit"),
    path("phrases/<slug:key>/still-right/", views.variant_confirm, name="variant_confirm"),
]
