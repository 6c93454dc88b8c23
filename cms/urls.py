"""URL map: admin, API, widgets and feeds outside the language prefixes, page routes inside.

Page routes use `i18n_patterns(prefix_default_language=False)`: Polish pages
live at `/...`, Czech ones at `/cs/...`. The API is deliberately outside, so
LocaleMiddleware never redirects an API 404 to a prefixed URL.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("api/", include("cms.api")),
    path("", include("embeds.urls")),
    path("feeds/", include("feeds.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "core.views.server_error"
