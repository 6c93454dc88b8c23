"""Settings shared by every environment.

Values that differ between machines come from `cms.env`; this module only
holds decisions that are the same everywhere.
"""

from cms.env import BASE_DIR, env

# The public API (DRF, caching, throttling, CORS, the OpenAPI schema); sign-in limits and CSP.
from cms.settings.api import *  # noqa: F403
from cms.settings.caches import cache_settings
from cms.settings.mail import mail_settings
from cms.settings.public import *  # noqa: F403
from cms.settings.search import search_engine
from cms.settings.security import *  # noqa: F403
from cms.settings.storage import media_storage

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "partners",
    "practices",
    "events",
    "search",
    # Before webhooks: its db_worker (which also purges old enquiries) extends the webhooks one.
    "enquiries",
    "proposals",
    "registrations",
    "embeds",
    "feeds",
    "opendata",
    "stats",
    "demo",
    "webhooks",
    "validation",
    "security",
    # Before wagtail_localize: its admin URLs and editor template are wrapped here.
    "translation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "wagtail_headless_preview",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.api.middleware.CachedAPIResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Translatable snippets (topics) are changed only in their users' locales.
    "translation.middleware.SnippetLocaleMiddleware",
    "security.login.SignInLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a sign-in refused by the limit into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
# PostgreSQL: prepare the API's fixed-shape related-data queries once per connection (core/api/sql/prepared.py);
# false behind a connection pooler in transaction mode, which does not keep prepared statements.
DATABASE_PREPARED_STATEMENTS = env("DATABASE_PREPARED_STATEMENTS")
if DATABASE_PREPARED_STATEMENTS and DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    # Plan each of those statements once: their lists arrive as arrays of varying length, for which
    # PostgreSQL would otherwise go on planning custom plans (0.2 to 0.6 ms each) as good as the
    # generic one. Only prepared statements are affected; the ORM's queries are not prepared.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = " ".join(filter(None, [_options.get("options"), "-c plan_cache_mode=force_generic_plan"]))
# A streaming replica for the public site's anonymous reads, once it holds the current content
# (core/replicas.py); tests read it through the primary's test database.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["core.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("core.api.middleware.CachedAPIResponseMiddleware"), "core.replicas.ReplicaReadsMiddleware"
    )
# Names the database that answered a public read (X-A4B-Database): for tests and diagnosis.
DATABASE_READ_HEADER = env("DATABASE_READ_HEADER")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process of the installation (cms/settings/caches.py).
CACHES = cache_settings(env)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Content languages are configuration: "code:Name" pairs, the first is the
# default. Adding one is a settings change plus `manage.py sync_locales`.
CONTENT_LANGUAGES = [tuple(item.split(":", 1)) for item in env("CONTENT_LANGUAGES")]
LANGUAGE_CODE = CONTENT_LANGUAGES[0][0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = CONTENT_LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Slugs are readable ASCII in both languages (core/slugs.py transliterates instead of dropping letters).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True
# The project's own strings; then our Polish and Czech for the admin strings of the
# pinned Wagtail and wagtail-localize that their catalogs lack (translation/admin_catalogs.py,
# kept complete by a test); then the English originals of admin strings an admin
# language may still lack, which Django would otherwise show in the default language
# (translation/admin_fallback.py, `manage.py build_admin_fallback`).
ADMIN_LOCALE_DIR = BASE_DIR / "translation" / "admin_locale"
ADMIN_FALLBACK_LOCALE_DIR = BASE_DIR / "translation" / "admin_fallback"
LOCALE_PATHS = [BASE_DIR / "locale", ADMIN_LOCALE_DIR, ADMIN_FALLBACK_LOCALE_DIR]

# Who may do what on pages: Wagtail's tester narrowed to the workflow's roles
# (core/permissions.py reads the name; docs/security.md has the rules). A finished
# review publishes on the approval's authority, so reviewers hold no publish rights;
# a finished good practice check only marks the practice validated (validation/).
# Contributors are narrowed to their institution's practices (validation/permissions.py).
PAGE_PERMISSION_TESTER = "validation.permissions.ValidationPagePermissionTester"
WAGTAIL_FINISH_WORKFLOW_ACTION = "validation.workflows.finish_workflow"

# Admin interface languages, chosen by each user in their account settings.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("pl", "Polski"),
    ("cs", "Čeština"),
    ("en", "English"),
]

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    # Local disk, or S3-compatible object storage shared by every app server (cms/settings/storage.py).
    "default": media_storage(env, api_answer_lifetime=env("API_CACHE_TIMEOUT") + env("API_CACHE_MAX_AGE")),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Agglomerations4Borderlands"
# Autosave waits for 3 s without typing (Wagtail's default, 0.5 s, saved after nearly every
# word), and after a refused save waits twice as long each time (translation/static/translation/autosave.js).
WAGTAIL_AUTOSAVE_INTERVAL = 3000
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
FRONTEND_BASE_URL = env("FRONTEND_BASE_URL").rstrip("/")
# Every image form (upload, edit, multiple upload, the chooser's upload tab) requires the
# description, the image's alternative text (core/images/).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The public search's engine: our database index, or a cluster (cms/settings/search.py).
SEARCH_ENGINE = search_engine(env)

# Nothing goes live in another language until a person publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env("DEEPL_AUTH_KEY"),
            "FORMALITY": env("DEEPL_FORMALITY"),
        },
    }
    if env("DEEPL_AUTH_KEY")
    else {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
)

# /health/ answers 503 when one of these is down (database, cache); the others only make it "degraded".
HEALTH_REQUIRED = env("HEALTH_REQUIRED")

# Background tasks (django-tasks). Wagtail's own tasks (search and reference index
# updates) run on "default": it stays immediate, so an index is current the moment an
# editor saves and a site without a running worker loses nothing. Webhook deliveries
# run on "webhooks", stored in the database, so they survive restarts and never hold
# up a publish; `manage.py db_worker --backend webhooks --queue-name webhooks` runs them.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks"]},
}

# Publish webhooks: attempts per delivery (the first included), the delay before the
# first retry (doubling after each failure), and how long one attempt may take (s).
WEBHOOK_MAX_ATTEMPTS = env("WEBHOOK_MAX_ATTEMPTS")
WEBHOOK_RETRY_BASE_DELAY = env("WEBHOOK_RETRY_BASE_DELAY")
WEBHOOK_TIMEOUT = env("WEBHOOK_TIMEOUT")
# Networks outside the public internet that webhooks may still be sent to (CIDRs, e.g.
# 10.1.2.0/24 for a receiver on the internal network); none unless set. Loopback, link-local
# and private addresses are refused otherwise, in the admin form and at every delivery
# (webhooks/targets.py). dev.py allows loopback while DEBUG, for a receiver on the same machine.
WEBHOOK_ALLOWED_NETWORKS = env("WEBHOOK_ALLOWED_NETWORKS") or []

# Headless preview: Wagtail's Preview opens the frontend's preview route with a signed
# token; `{locale}` in the URL becomes the page's language code; empty means
# FRONTEND_BASE_URL + /api/preview (see core/preview.py). Tokens expire after
# PREVIEW_TOKEN_MAX_AGE seconds.
FRONTEND_PREVIEW_URL = env("FRONTEND_PREVIEW_URL")
PREVIEW_TOKEN_MAX_AGE = env("PREVIEW_TOKEN_MAX_AGE")
# Reviewers' preview (translation/review_preview.py): seconds to wait for the frontend's
# preview route before showing the draft in the CMS's own layout; 0 skips the check.
FRONTEND_PREVIEW_CHECK_TIMEOUT = env("FRONTEND_PREVIEW_CHECK_TIMEOUT")

# Optional: purge the frontend's HTTP cache on publish (wagtail.contrib.frontend_cache
# sends PURGE requests to this URL).
if env("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# Outgoing mail from EMAIL_URL (cms/settings/mail.py); dev prints it, tests keep it in memory.
globals().update(mail_settings(env))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
}
