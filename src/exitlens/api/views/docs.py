"""The OpenAPI description and its Swagger UI, served from this server (no CDN). Both are open
without a token: they describe the API, they hold no data."""

from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.settings import patched_settings
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny

from exitlens.api.settings import SPECTACULAR_SETTINGS

# drf-spectacular refuses SERVE_* settings per view; these views set them as attributes.
VIEW_SETTINGS = {
    name: value for name, value in SPECTACULAR_SETTINGS.items() if not name.startswith("SERVE_")
}


class SchemaView(SpectacularAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]
    custom_settings = VIEW_SETTINGS
    serve_public = True


class DocsView(SpectacularSwaggerView):
    authentication_classes = []
    permission_classes = [AllowAny]
    url_name = "api_schema"
    title = SPECTACULAR_SETTINGS["TITLE"]

    def get(self, request, *args, **kwargs):
        with patched_settings(VIEW_SETTINGS):
            return super().get(request, *args, **kwargs)
