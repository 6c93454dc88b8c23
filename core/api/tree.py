"""What the public may see of the page tree, and where each page lives on the frontend.

A page is public when it is live, not under a page that is unpublished, and
neither it nor an ancestor carries a view restriction. Wagtail's `.live()`
checks only the page itself, so the hidden subtrees are gathered once per
content version (a handful of paths) and excluded by path prefix.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core.api.cache import PerVersion


@dataclass(frozen=True)
class PublicTree:
    hidden_prefixes: tuple[str, ...]
    home_paths: dict[int, str] = field(default_factory=dict)  # locale id -> url_path of that locale's home
    locale_codes: dict[int, str] = field(default_factory=dict)  # locale id -> language code
    default_language: str = "pl"

    @property
    def locale_ids(self):
        return {code: locale_id for locale_id, code in self.locale_codes.items()}

    def visible_q(self, prefix=""):
        """A Q object selecting live pages outside every hidden subtree."""
        condition = Q(**{f"{prefix}live": True})
        for path in self.hidden_prefixes:
            condition &= ~Q(**{f"{prefix}path__startswith": path})
        return condition

    def hides(self, path):
        return any(path.startswith(prefix) for prefix in self.hidden_prefixes)

    def shows(self, page):
        """Whether a loaded page is public: `public_pages()` in Python, for one page fetched by id."""
        return page.live and page.locale_id in self.home_paths and not self.hides(page.path)

    def path_for(self, locale_id, url_path):
        """The frontend path: the page's path below its locale's home, prefixed for non-default locales."""
        home_path = self.home_paths.get(locale_id)
        if home_path is None or not url_path.startswith(home_path):
            return None
        code = self.locale_codes[locale_id]
        prefix = "" if code == self.default_language else f"/{code}"
        return f"{prefix}/{url_path[len(home_path) :]}"

    def split_locale(self, path):
        """('cs', '/rest/') for '/cs/rest/'; the default language when the path has no known prefix."""
        path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
        first = path.split("/")[1]
        if first in self.locale_ids and first != self.default_language:
            return first, path[len(first) + 1 :]
        return self.default_language, path


def public_tree(version=None):
    """The PublicTree for the current content version, computed once per version per process."""
    return _trees.get(version)


def current_tree():
    """The PublicTree as this transaction sees it, built afresh and not memoised.

    For code that runs inside an editor's transaction (signal handlers): a tree
    memoised there could outlive a rollback.
    """
    return _build_tree()


def _build_tree():
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    unpublished_parents = Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    prefixes = sorted(set(restricted) | set(unpublished_parents))
    # Drop prefixes inside another one: fewer, equivalent conditions.
    hidden = tuple(p for i, p in enumerate(prefixes) if not any(p.startswith(q) for q in prefixes[:i]))

    locale_codes = dict(Locale.objects.values_list("id", "language_code"))
    home_paths = {}
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        home_paths = dict(
            Page.objects.filter(translation_key=site.root_page.translation_key).values_list("locale_id", "url_path")
        )
    return PublicTree(
        hidden_prefixes=hidden,
        home_paths=home_paths,
        locale_codes=locale_codes,
        default_language=settings.LANGUAGE_CODE,
    )


_trees = PerVersion(_build_tree)


def public_pages(model, tree=None):
    """Live, public pages of `model` under the site's homes."""
    tree = tree or public_tree()
    return model.objects.filter(tree.visible_q(), locale_id__in=list(tree.home_paths))
