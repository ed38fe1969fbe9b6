from django.contrib.auth import views as auth_views
from django.urls import path

from phrases import views

app_name = "phrases"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("login/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="phrases:login"), name="logout"),
]
