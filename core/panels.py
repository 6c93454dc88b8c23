"""Page choosers that open where the content lives: the edited page's language's index of the chosen type.

Wagtail's page chooser, with nothing chosen yet, opens at the deepest page
above every page of the wanted type. Partners live under a Polish and a Czech
partner index, so that is the root of the tree, and an editor clicks through
the home and the index every time. `IndexPageChooserPanel` opens the chooser
in the index of the edited page's language instead (for partners, the partner
index); once something is chosen, Wagtail opens it beside that choice, as usual.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page


class IndexPageChooser(AdminPageChooser):
    """Wagtail's page chooser widget, told where to open while empty (`initial_parent_id`)."""

    js_constructor = "IndexPageChooser"
    initial_parent_id = None

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if self.initial_parent_id is not None:
            opts["initialParentId"] = self.initial_parent_id
        return opts

    @property
    def media(self):
        return super().media + forms.Media(js=[versioned_static("core/js/index-page-chooser.js")])


class IndexPageChooserPanel(PageChooserPanel):
    """`PageChooserPanel(field, "app.Model")` whose chooser opens in that model's index, in the page's language."""

    def get_form_options(self):
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = IndexPageChooser(
            target_models=self.page_type, can_choose_root=self.can_choose_root
        )
        return opts

    class BoundPanel(PageChooserPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is None:
                return
            widget = self.bound_field.field.widget  # the form's own copy: per page and inline row
            locale_id = edited_locale_id(self.instance, self.request)
            if locale_id is not None and len(widget.target_models) == 1:
                widget.initial_parent_id = index_page_id(widget.target_models[0], locale_id, self.request)


def edited_locale_id(instance, request):
    """The language of the page being edited: the instance's own, or for an inline row the page in the URL."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is not None:
        return locale_id
    kwargs = request.resolver_match.kwargs if request is not None and request.resolver_match else {}
    page_id = kwargs.get("page_id") or kwargs.get("parent_page_id")
    if page_id is None:
        return None
    return Page.objects.filter(pk=page_id).values_list("locale_id", flat=True).first()


def index_page_id(model, locale_id, request=None):
    """The first page in `locale_id` that may hold `model` pages (its parent type), or None.

    Remembered on the request: an inline panel binds one chooser per row.
    """
    memo = getattr(request, "_index_page_ids", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._index_page_ids = memo
    key = (model, locale_id)
    if key not in memo:
        parents = [parent for parent in model.allowed_parent_page_models() if parent is not Page]
        memo[key] = (
            Page.objects.filter(
                locale_id=locale_id, content_type__in=list(ContentType.objects.get_for_models(*parents).values())
            )
            .order_by("path")
            .values_list("pk", flat=True)
            .first()
            if parents
            else None
        )
    return memo[key]
