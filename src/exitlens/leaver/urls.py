from django.urls import path

from exitlens.leaver import views

app_name = "leaver"

urlpatterns = [
    path("protection/", views.protection, name="protection"),
    path("<str:token>/", views.interview, name="interview"),
    path("<str:token>/thanks/", views.thanks, name="thanks"),
]
