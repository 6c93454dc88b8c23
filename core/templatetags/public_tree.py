"""`|public` narrows a page queryset to what the public API shows, for the server-rendered pages.

Wagtail's `.live.public` checks each page itself: a live page under an
unpublished one passes it. The fallback templates list children, menus and
translations through this filter instead, so they use the API's definition
of public (`core.api.tree`) and never link to a page that answers 404.
"""

from django import template

from core.api.tree import public_tree

register = template.Library()


@register.filter
def public(pages):
    """Live pages outside every unpublished or view-restricted subtree."""
    return pages.filter(public_tree().visible_q())
