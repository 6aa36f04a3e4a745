from django.urls import include, path

urlpatterns = [
    path("i/", include("exitlens.leaver.urls")),
    path("insights/", include("exitlens.insights.urls")),
    path("", include("exitlens.staff.urls")),
]
