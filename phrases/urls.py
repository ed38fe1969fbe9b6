from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.login_pages import ThrottledAuthenticationForm, throttled_login
from phrases import views

app_name = "phrases"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("tools/", views.tools_page, name="tools"),
    path("tools/quickphrases-extension.zip", views.extension_download, name="extension"),
    path("login/", throttled_login(auth_views.LoginView.as_view(
        template_name="registration/login.html", authentication_form=ThrottledAuthenticationForm)), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="phrases:login"), name="logout"),
]
