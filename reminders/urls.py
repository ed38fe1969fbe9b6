from django.urls import path

from reminders import views

app_name = "reminders"
urlpatterns = [
    path("health/", views.health, name="health"),
    path("health/<slug:key>/still-right/", views.confirm_still_right, name="still-right"),
]
