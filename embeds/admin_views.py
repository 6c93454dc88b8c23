"""What an editor copies to show a page on another site: the script tag, the iframe and the oEmbed URL."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Page

from core import content_types
from core.api.tree import public_pages, public_tree
from embeds.views import iframe_html, oembed_url, widget_url


def embeddable_type(model):
    """The registered page type of `model` if its pages have a widget, else None."""
    page_type = content_types.for_model(model)
    return page_type if page_type is not None and page_type.embed_size else None


class ShareView(WagtailAdminTemplateMixin, TemplateView):
    """Snippets for a live, public page; for anything else, why there is nothing to embed yet."""

    template_name = "embeds/admin/share.html"
    page_title = _("Share / embed")
    header_icon = "code"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if embeddable_type(type(self.page)) is None:
            raise Http404("Only practices, events and partners have widgets.")
        if not self.page.permissions_for_user(request.user).can_edit():
            raise Http404("No such page.")
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        """The page's place in the tree, then this screen: the header names the screen, not the dashboard.

        Without its own items the slim header shows only the dashboard's crumb
        ("Start" in Polish), which read as the screen's heading.
        """
        return [
            *get_breadcrumbs_items_for_page(self.page, self.request.user),
            {"url": None, "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, request = self.page, self.request
        tree = public_tree()
        page_type = embeddable_type(type(page))
        kind = page_type.kind
        code = page.locale.language_code
        is_public = public_pages(type(page), tree).filter(pk=page.pk).exists()
        context.update(page=page, is_public=is_public, edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if is_public:
            frontend_url = settings.FRONTEND_BASE_URL + tree.path_for(page.locale_id, page.url_path)
            src = widget_url(request, kind, code, page.pk)
            script = request.build_absolute_uri(reverse("embed-js"))
            context.update(
                widget_src=src,
                frontend_url=frontend_url,
                oembed=oembed_url(request, frontend_url),
                script_snippet=(
                    f'<script src="{script}" data-a4b-widget="{kind}" data-locale="{code}" '
                    f'data-id="{page.pk}" async></script>'
                ),
                iframe_snippet=iframe_html(src, page.title, *page_type.embed_size),
            )
        return context
