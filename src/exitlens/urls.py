from django.urls import include, path

urlpatterns = [
    path("i/", include("exitlens.leaver.urls")),
    path("insights/", include("exitlens.insights.urls")),
    path("api/", include("exitlens.api.urls")),
    path("webhooks/", include("exitlens.webhooks.urls")),
    path("", include("exitlens.staff.urls")),
]

handler400 = "exitlens.errors.bad_request"
handler403 = "exitlens.errors.permission_denied"
handler404 = "exitlens.errors.page_not_found"
handler500 = "exitlens.errors.server_error"
