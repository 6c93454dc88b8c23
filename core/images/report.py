"""Reports → Images without alternative text: the images an editor may fix, newest first."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

#: Who sees the report: whoever may open the image library (Wagtail asks the same of its index).
LIBRARY_PERMISSIONS = ["add", "change", "delete"]


class ImagesWithoutAltReport(ReportView):
    """Images whose description (their alternative text) is empty: uploaded before it was required."""

    page_title = _("Images without alternative text")
    header_icon = "image"
    model = get_image_model()
    any_permission_required = LIBRARY_PERMISSIONS
    index_url_name = "images_without_alt"
    index_results_url_name = "images_without_alt_results"
    export_filename = "images-without-alt-text"
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailimages:edit"),
        Column("collection", label=_("Collection")),
        DateColumn("created_at", label=_("Uploaded")),
        UserColumn("uploaded_by_user", label=_("Uploaded by")),
    ]
    list_export = ["id", "title", "collection", "created_at"]
    export_headings = {"id": "ID", "title": _("Title"), "collection": _("Collection"), "created_at": _("Uploaded")}

    def get_queryset(self):
        # The images the library would list for this user: those they may change or delete.
        return (
            self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change", "delete"])
            .filter(description="")
            .select_related("collection", "uploaded_by_user")
            .order_by("-created_at", "-pk")
        )


class ImagesReportMenuItem(MenuItem):
    def is_shown(self, request):
        policy = policy_registry.get_by_type(get_image_model())
        return policy.user_has_any_permission(request.user, LIBRARY_PERMISSIONS)
