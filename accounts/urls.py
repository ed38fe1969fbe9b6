from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile_page, name="profile"),
    path("profile/search-language/", views.SearchLanguageView.as_view(), name="search-language"),
    path("profile/pinned/", views.PinView.as_view(), name="pinned"),
    path("profile/tokens/", views.token_create, name="token-create"),
    path("profile/tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
]
