"""The public API's settings: Django REST framework, response caching and throttling, CORS, the OpenAPI schema.

Kept apart from base.py, which imports them all, because they are one concern
that changes together: a new public endpoint touches the schema's description
here and nothing in the rest of the settings.
"""

from cms.env import env

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["core.api.renderers.CompactJSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["core.api.throttling.AnonymousRateThrottle"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COMPACT_JSON": True,
    # Trusted reverse proxies in front of the app: the client address is the entry the
    # outermost of them appended to X-Forwarded-For; 0 ignores the header (docs/security.md).
    "NUM_PROXIES": env("NUM_PROXIES"),
}

# Public API responses: browsers and proxies may keep them API_CACHE_MAX_AGE seconds;
# the server keeps rendered responses until content changes (or API_CACHE_TIMEOUT).
API_CACHE_MAX_AGE = env("API_CACHE_MAX_AGE")
API_CACHE_TIMEOUT = env("API_CACHE_TIMEOUT")
# Anonymous requests per client address, e.g. "600/minute" (also /second, /hour, /day).
API_THROTTLE_RATE = env("API_THROTTLE_RATE")

# CORS on the public API only: any origin unless API_CORS_ALLOWED_ORIGINS lists some.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env("API_CORS_ALLOWED_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

SPECTACULAR_SETTINGS = {
    "TITLE": "Agglomerations4Borderlands public API",
    "DESCRIPTION": (
        "Anonymous API of the Polish–Czech good-practice portal: practices, events, partners, "
        "topics, in Polish (pl, default) and Czech (cs). Only live, public content. Read-only but for the public "
        'forms (POST /api/v2/enquiries/, "Ask the owner"): each takes a timing token from its terms endpoint, '
        "a honeypot `website` left empty, and is rate-limited per address; their 400s name the fields, in the "
        "visitor's language (`language`, else Accept-Language). Lists take `limit` "
        "(1–100, default 20) and `offset`; every bad parameter gets a 400 naming it. Responses carry a "
        "strong ETag and Last-Modified and honour If-None-Match / If-Modified-Since. Map data: GeoJSON "
        "FeatureCollections under /api/v2/geo/; oEmbed for practice, event and partner URLs at /api/oembed/. "
        "Feeds, outside this schema: /feeds/{locale}/practices.rss, /feeds/{locale}/practices.atom, "
        "/feeds/{locale}/events.rss, /feeds/{locale}/events.atom, /feeds/{locale}/events.ics (filters as in "
        "/api/v2/events/) and /feeds/{locale}/events/{id}.ics; widgets at /embed/{locale}/..., loader /embed.js."
    ),
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # GeoJSON and oEmbed objects each have a one-value `type`; named here, they do not collide.
    "ENUM_NAME_OVERRIDES": {
        "GeoJSONPointTypeEnum": ["Point"],
        "GeoJSONFeatureTypeEnum": ["Feature"],
        "GeoJSONFeatureCollectionTypeEnum": ["FeatureCollection"],
        "OEmbedTypeEnum": ["rich"],
        # A practice's validation status and an event's status share the field name; each keeps a plain name.
        "ValidationStatusEnum": ["validated", "not_validated"],
        "StatusEnum": "events.models.EventStatus",
        # A statistics section is a list of counts or a table (stats/).
        "StatisticsSectionKindEnum": ["counts", "table"],
    },
    "SCHEMA_PATH_PREFIX": r"/api/v2",
    "PREPROCESSING_HOOKS": ["core.api.schema.public_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.non_empty_list_parameters",
    ],
}
