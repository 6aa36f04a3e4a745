"""The OpenAPI description and its Swagger UI, served from this server (no CDN). Both are open
without a token: they describe the API, they hold no data."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.settings import patched_settings
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
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


# Swagger UI adds <style> elements as it draws; its script stays in files (the split view).
INLINE_STYLES = {"style-src": [SELF, UNSAFE_INLINE]}


@method_decorator(csp_update(INLINE_STYLES), name="get")
class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []
    permission_classes = [AllowAny]
    url_name = "api_schema"
    title = SPECTACULAR_SETTINGS["TITLE"]

    def get(self, request, *args, **kwargs):
        with patched_settings(VIEW_SETTINGS):
            return super().get(request, *args, **kwargs)
