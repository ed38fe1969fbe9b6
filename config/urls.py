from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("studio.urls")),
    path("", include("review.urls")),
    path("", include("reminders.urls")),
    path("", include("accounts.urls")),
    path("", include("phrases.urls")),
]
