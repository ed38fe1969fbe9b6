from django.urls import path

from suggestions import views

app_name = "suggestions"
urlpatterns = [
    path("suggestions/learned/<slug:key>/", views.learned, name="learned"),
]
