from django.urls import include, path

urlpatterns = [
    path("i/", include("exitlens.leaver.urls")),
    path("", include("exitlens.staff.urls")),
]
