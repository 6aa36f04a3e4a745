from django.urls import include, path

urlpatterns = [
    path("i/", include("exitlens.leaver.urls")),
    path("insights/", include("exitlens.insights.urls")),
    path("api/", include("exitlens.api.urls")),
    path("webhooks/", include("exitlens.webhooks.urls")),
    path("", include("exitlens.staff.urls")),
]
