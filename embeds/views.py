"""Widget pages that any site may frame, and the JS loader that frames them.

A widget is a small, self-contained HTML page: inline CSS, one inline script
that reports the page's height to the embedding page, no external assets and
no cookies (nothing here touches the session, the user or the CSRF token).
Widget responses opt out of the site-wide `X-Frame-Options: DENY` and say
`frame-ancestors *` instead; every other route keeps DENY.
"""

import base64
import hashlib
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.api.cache import content_version
from core.api.cached_views import kept_per_content_version
from core.api.params import NO_PARAMETERS, BadParameters, UnknownLocale, locale_id_for
from core.api.tree import public_tree
from embeds import widgets

#: Posts the widget's height to the embedding page whenever it changes. The
#: message says nothing secret, so any parent may read it; the loader decides
#: whom to believe (the portal's origin, its own iframe).
RESIZE_SCRIPT = (
    "(function(){var root=document.getElementById('a4b'),last=0;"
    "function report(){var height=Math.ceil(root.getBoundingClientRect().height);"
    "if(height!==last&&window.parent!==window){last=height;"
    "window.parent.postMessage({type:'a4b:resize',height:height},'*');}}"
    "if(window.ResizeObserver){new ResizeObserver(report).observe(root);}"
    "window.addEventListener('load',report);report();})();"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(RESIZE_SCRIPT.encode()).digest()).decode()
#: Nothing but inline styles, the resize script and images from the portal itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors *"
)

#: kind -> (builder of the template context, template)
WIDGETS = {
    "practice": (widgets.practice_card, "embeds/practice.html"),
    "event": (widgets.event_card, "embeds/event.html"),
    "partner": (widgets.partner_card, "embeds/partner.html"),
    "events": (widgets.upcoming_events, "embeds/events.html"),
    "practices": (widgets.latest_practices, "embeds/practices.html"),
}

LOADER = (Path(__file__).resolve().parent / "static" / "embeds" / "embed.js").read_text()


def oembed_url(request, frontend_url):
    """This portal's oEmbed endpoint for a frontend URL."""
    return request.build_absolute_uri(reverse("oembed")) + "?" + urlencode({"url": frontend_url, "format": "json"})


def widget_url(request, kind, locale, pk):
    """Absolute URL of one item's widget on this portal."""
    return request.build_absolute_uri(reverse(f"embed-{kind}", args=[locale, pk]))


def iframe_html(src, title, width, height):
    """The iframe that oEmbed answers with and the admin offers to copy."""
    return (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" title="{escape(title)}" '
        'style="border:0;max-width:100%" loading="lazy"></iframe>'
    )


@require_safe
@kept_per_content_version
@xframe_options_exempt
def widget(request, locale, kind, pk=None):
    """One widget in one language; 404 for an unknown language or a non-public item, 400 for a bad filter."""
    build, template = WIDGETS[kind]
    version = content_version()[0]
    tree = public_tree(version)
    try:
        locale_id = locale_id_for(tree, locale)
    except UnknownLocale as error:
        return error_response(str(error), settings.LANGUAGE_CODE, status=404)
    data = widgets.WidgetData(request, tree, locale_id, version)
    with translation.override(locale):
        try:
            if pk is None:
                context = {"items": build(data, request.GET)}
            else:
                NO_PARAMETERS.check_shape(request.GET)
                context = build(data, pk)
        except BadParameters as error:
            return error_response(" ".join(error.lines()), locale, status=400)
        except Http404 as error:
            return error_response(str(error), locale, status=404)
        if pk is not None:
            context["oembed_url"] = oembed_url(request, context["url"])
        context["portal_url"] = settings.FRONTEND_BASE_URL + tree.path_for(locale_id, tree.home_paths[locale_id])
        return widget_response(template, context, locale)


def widget_response(template, context, locale, status=200):
    html = render_to_string(
        template,
        {**context, "locale": locale, "site_name": settings.WAGTAIL_SITE_NAME, "resize_script": RESIZE_SCRIPT},
    )
    response = HttpResponse(html, status=status)
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Content-Language"] = locale
    if status == 200:
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def error_response(message, locale, status):
    """A framable error page: the embedding site shows why the widget is missing instead of a broken frame."""
    with translation.override(locale):
        return widget_response(
            "embeds/error.html", {"message": message, "title": _("This content cannot be shown")}, locale, status
        )


@require_safe
def loader(request):
    """The one-line embedding script; it frames widgets from the origin it was itself loaded from."""
    response = HttpResponse(LOADER, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response
