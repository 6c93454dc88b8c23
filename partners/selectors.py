"""Named queries about partners, shared by the API and whatever else needs them."""

from core.api.tree import public_pages
from partners.models import PartnerPage


def public_partners(tree, locale_id):
    """Every public partner institution in `locale_id`, by title: the open-data downloads."""
    return public_pages(PartnerPage, tree).filter(locale_id=locale_id).order_by("title", "id")
