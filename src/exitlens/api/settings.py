"""Settings of the REST API. The project settings import the two dicts at the bottom:

    from exitlens.api.settings import REST_FRAMEWORK, SPECTACULAR_SETTINGS

Every API view configures authentication, permissions, throttling, parsing and rendering itself
(see views/base.py), so REST_FRAMEWORK only carries what DRF reads globally: the rate limit and
the schema class. SPECTACULAR_SETTINGS describes the OpenAPI document and keeps the docs offline.
"""

# Requests per token; DRF's "<number>/<second|minute|hour|day>". Counted in Django's cache, so
# with the default (per-process) cache each web worker counts on its own.
THROTTLE_RATE = "600/minute"
THROTTLE_SCOPE = "api_token"

# Largest request body accepted, in bytes; a larger one gets 413.
MAX_BODY_BYTES = 1024 * 1024

# Pagination of every list: ?limit= (1 to MAX_PAGE_SIZE) and ?offset=.
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
MAX_OFFSET = 1_000_000_000

# A token's `last_used_at` is written at most this often, not on every request.
LAST_USED_PRECISION_SECONDS = 60

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {THROTTLE_SCOPE: THROTTLE_RATE},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Exitlens API",
    "DESCRIPTION": (
        "Departures, invitations, interview status, answers, coded themes and insights. "
        "Authenticate with `Authorization: Bearer <token>`; an administrator creates tokens "
        "on the API tokens page. See docs/api.md."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["exitlens.api.schema_hooks.only_this_api"],
    "ENUM_NAME_OVERRIDES": {
        "InterviewStatusEnum": "exitlens.core.models.Interview.Status",
        "InvitationStatusEnum": "exitlens.core.models.Invitation.Status",
        "ConfidentialityEnum": "exitlens.core.models.Interview.Confidentiality",
        "InterviewModeEnum": "exitlens.core.models.Interview.Mode",
        "DepartureTypeEnum": "exitlens.core.models.Departure.Type",
        "OutcomeEnum": "exitlens.core.models.Departure.Outcome",
        "PolarityEnum": "exitlens.core.models.AnswerTheme.Polarity",
        "TagSourceEnum": "exitlens.core.models.AnswerTheme.Source",
    },
    # Served from this server (drf-spectacular-sidecar): no CDN, and no validator badge that
    # would send the schema to swagger.io.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": True,
        "validatorUrl": None,
        "persistAuthorization": False,
    },
    "SERVE_INCLUDE_SCHEMA": False,
}
