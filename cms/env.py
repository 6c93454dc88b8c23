"""The one typed reader of the environment.

Every variable the project reads is declared here with its type and its dev
default, so `.env.example` and this file can be checked against each other and
nothing reads `os.environ` on its own.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    REDIS_URL=(str, ""),
    REDIS_SENTINELS=(list, []),
    APP_NODES=(int, 1),
    FILE_CACHE_DIR=(str, str(BASE_DIR / "var" / "cache")),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    FRONTEND_BASE_URL=(str, "http://127.0.0.1:3000"),
    CONTENT_LANGUAGES=(list, ["pl:Polski", "cs:Čeština"]),
    DEEPL_AUTH_KEY=(str, ""),
    DEEPL_FORMALITY=(str, "prefer_more"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static")),
    DATABASE_REPLICA_URL=(str, ""),
    DATABASE_READ_HEADER=(bool, False),
    CONN_MAX_AGE=(int, 600),
    DATABASE_PREPARED_STATEMENTS=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31536000),
    SECURE_SSL_REDIRECT=(bool, True),
    LOG_LEVEL=(str, "WARNING"),
    API_CACHE_MAX_AGE=(int, 60),
    API_CACHE_TIMEOUT=(int, 3600),
    API_THROTTLE_RATE=(str, "600/minute"),
    NUM_PROXIES=(int, 0),
    HEALTH_REQUIRED=(list, ["database"]),
    API_CORS_ALLOWED_ORIGINS=(list, []),
    FRONTEND_PREVIEW_URL=(str, ""),
    PREVIEW_TOKEN_MAX_AGE=(int, 3600),
    FRONTEND_PREVIEW_CHECK_TIMEOUT=(float, 2.0),
    WEBHOOK_MAX_ATTEMPTS=(int, 6),
    WEBHOOK_RETRY_BASE_DELAY=(int, 30),
    WEBHOOK_TIMEOUT=(float, 10.0),
    FRONTEND_CACHE_PURGE_URL=(str, ""),
    LOGIN_FAILURE_LIMIT=(int, 5),
    LOGIN_LOCKOUT_MINUTES=(int, 15),
    SECURE_PROXY_SSL_HEADER=(str, "X-Forwarded-Proto"),
    PROXY_REDIRECTS_TO_HTTPS=(bool, False),
    WEBHOOK_ALLOWED_NETWORKS=(list, None),
    FRONTEND_WEBHOOK_SECRET=(str, ""),
    S3_BUCKET=(str, ""),
    S3_ENDPOINT_URL=(str, ""),
    S3_REGION=(str, ""),
    S3_ACCESS_KEY_ID=(str, ""),
    S3_SECRET_ACCESS_KEY=(str, ""),
    S3_PUBLIC_URL=(str, ""),
    S3_SIGNED_URL_SECONDS=(int, 7 * 24 * 3600),
    SEARCH_ENGINE_URL=(list, []),
    SEARCH_INDEX_PREFIX=(str, "a4b"),
    SEARCH_ENGINE_CA_CERTS=(str, ""),
    EMAIL_URL=(str, ""),
    DEFAULT_FROM_EMAIL=(str, "Agglomerations4Borderlands <noreply@localhost>"),
    EMAIL_TIMEOUT=(int, 10),
    PUBLIC_FORM_MIN_SECONDS=(int, 3),
    PUBLIC_FORM_MAX_AGE=(int, 2 * 3600),
    PUBLIC_FORM_VISITOR_SECRET=(str, ""),
    ENQUIRY_ADDRESS_RATE=(str, "5/hour"),
    ENQUIRY_PRACTICE_RATE=(str, "20/day"),
    ENQUIRY_RETENTION_DAYS=(int, 90),
    PROPOSAL_ADDRESS_RATE=(str, "3/hour"),
    PROPOSAL_RETENTION_DAYS=(int, 180),
    REGISTRATION_ADDRESS_RATE=(str, "10/hour"),
    REGISTRATION_RETENTION_DAYS=(int, 90),
    OPEN_DATA_CONTACT_NAME=(str, "Stowarzyszenie Aglomeracja Opolska"),
    OPEN_DATA_CONTACT_EMAIL=(str, ""),
    OPEN_DATA_LANDING_PATH=(str, "/otwarte-dane/"),
    STATS_MIN_COUNT=(int, 5),
    STATS_CACHE_SECONDS=(int, 300),
)

env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)
