from django.contrib import admin
from django.urls import include, path

from accounts.login_pages import ThrottledAdminAuthenticationForm, throttled_login

# The admin's login counts failed passwords like every other door (accounts.throttling).
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("admin/login/", throttled_login(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("studio.urls")),
    path("", include("review.urls")),
    path("", include("reminders.urls")),
    path("", include("accounts.urls")),
    path("", include("phrases.urls")),
]
