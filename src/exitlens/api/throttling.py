from rest_framework.settings import api_settings as drf_settings
from rest_framework.throttling import SimpleRateThrottle

from exitlens.api import settings as api_settings


class TokenRateThrottle(SimpleRateThrottle):
    """At most THROTTLE_RATE requests per token (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    ["api_token"] when set); beyond it 429 with Retry-After."""

    scope = api_settings.THROTTLE_SCOPE

    def get_rate(self) -> str:
        return drf_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or api_settings.THROTTLE_RATE

    def get_cache_key(self, request, view) -> str | None:
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
