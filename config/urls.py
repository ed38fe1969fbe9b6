from django.contrib import admin
from django.urls import include, path

from accounts.login_pages import ThrottledAdminAuthenticationForm, throttled_login
from ops import views as ops_views

# The admin's login counts failed passwords like every other door (accounts.throttling).
admin.site.login_form = ThrottledAdminAuthenticationForm

handler500 = "ops.errors.server_error"

urlpatterns = [
    path("healthz", ops_views.healthz, name="healthz"),
    path("readyz", ops_views.readyz, name="readyz"),
    path("metrics", ops_views.metrics, name="metrics"),
    path("admin/login/", throttled_login(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("studio.urls")),
    path("", include("review.urls")),
    path("", include("reminders.urls")),
    path("", include("suggestions.urls")),
    path("", include("accounts.urls")),
    path("", include("phrases.urls")),
]
