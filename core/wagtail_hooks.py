"""Serving a page: a page the public API would not show (`core.api.tree`) is not found, as in the API.

Wagtail routes through a page's ancestors without asking whether they are
live, so a live page under an unpublished one would be served. The exception
is a page hidden only by a view restriction: Wagtail's own hook asks for its
password or a login, which is what a restriction is for.
"""

from django.http import Http404
from wagtail import hooks

from core.api.tree import public_tree


@hooks.register("before_serve_page")
def hide_pages_the_api_hides(page, request, serve_args, serve_kwargs):
    if public_tree().shows(page):
        return
    if not page.live or page.get_ancestors().filter(depth__gt=1, live=False).exists():
        raise Http404
