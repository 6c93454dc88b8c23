"""Serving a page: a page the public API would not show (`core.api.tree`) is not found, as in the API.

Wagtail routes through a page's ancestors without asking whether they are
live, so a live page under an unpublished one would be served. The exception
is a page hidden only by a view restriction: Wagtail's own hook asks for its
password or a login, which is what a restriction is for.

Also the report of images without alternative text (core/images/report.py).
"""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from core.api.tree import public_tree
from core.images.report import ImagesReportMenuItem, ImagesWithoutAltReport


@hooks.register("before_serve_page")
def hide_pages_the_api_hides(page, request, serve_args, serve_kwargs):
    if public_tree().shows(page):
        return
    if not page.live or page.get_ancestors().filter(depth__gt=1, live=False).exists():
        raise Http404


@hooks.register("register_admin_urls")
def register_image_report_urls():
    return [
        path("reports/images-without-alt-text/", ImagesWithoutAltReport.as_view(), name="images_without_alt"),
        path(
            "reports/images-without-alt-text/results/",
            ImagesWithoutAltReport.as_view(results_only=True),
            name="images_without_alt_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_image_report_menu_item():
    return ImagesReportMenuItem(
        gettext_lazy("Images without alternative text"),
        reverse("images_without_alt"),
        name="images-without-alt-text",
        icon_name="image",
        order=950,
    )
