from django.urls import path

from exitlens.leaver import views

app_name = "leaver"

urlpatterns = [
    path("<str:token>/", views.interview, name="interview"),
    path("<str:token>/thanks/", views.thanks, name="thanks"),
]
