"""Read-only admin listings of questions and interest, each editor seeing the locales they edit.

Questions hold visitors' personal data, so the rule is narrower than for content:
only those who may publish pages in a locale (its editors, and administrators)
read that locale's questions; translators, reviewers and contributors see none.
Nobody adds, edits or deletes one here: questions come from visitors, leave by
`purge_enquiries`, and their counts are kept by the app itself.
"""

from django.contrib.auth.models import Permission
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from enquiries.models import Enquiry, PracticeInterest
from enquiries.selectors import enquiries_in, interest_in
from translation.permissions import locales_with

#: The page permission that makes someone a locale's editor (translation/roles.py).
EDITOR_PERMISSION = "publish_page"


def editor_locales(user):
    return locales_with(user, EDITOR_PERMISSION)


class ReadByLocaleEditorsPolicy(BasePermissionPolicy):
    """ "view" for a locale's editors, on that locale's rows; no other action for anyone."""

    #: How a row reaches its locale, for querysets.
    locale_path = "locale_id"

    def user_has_permission(self, user, action):
        return action == "view" and bool(editor_locales(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and self._locale_of(instance) in editor_locales(user)

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return self.model.objects.none()
        return self.model.objects.filter(**{f"{self.locale_path}__in": editor_locales(user)})

    def _locale_of(self, instance):
        value = instance
        for part in self.locale_path.replace("__", ".").split("."):
            value = getattr(value, part)
        return value


class InterestPolicy(ReadByLocaleEditorsPolicy):
    locale_path = "practice__locale_id"


class ReadOnlyViewSet(ModelViewSet):
    """A listing (and for questions, a detail page) with no add, edit, copy, delete, history or usage views."""

    copy_view_enabled = False

    def get_permissions_to_register(self):
        # Access follows page rights (ReadByLocaleEditorsPolicy): model permissions in the group editor do nothing.
        return Permission.objects.none()

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        urlpatterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
        if self.inspect_view_enabled:
            urlpatterns.append(path("inspect/<int:pk>/", self.inspect_view, name="inspect"))
        return urlpatterns


class EnquiryIndexView(IndexView):
    def get_base_queryset(self):
        return enquiries_in(editor_locales(self.request.user))


class EnquiryInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(enquiries_in(editor_locales(self.request.user)), pk=self.pk)


class EnquiryViewSet(ReadOnlyViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = _("Questions")
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    inspect_view_enabled = True
    list_display = [
        "practice",
        "name",
        Column("share_address", label=_("address shared"), accessor="share_address"),
        DateColumn("created_at", label=_("received")),
        DateColumn("sent_at", label=_("sent")),
    ]
    list_filter = ["locale", "share_address"]
    inspect_view_fields = ["practice", "locale", "name", "email", "message", "share_address", "created_at", "sent_at"]


class InterestIndexView(IndexView):
    def get_base_queryset(self):
        return interest_in(editor_locales(self.request.user))


class InterestViewSet(ReadOnlyViewSet):
    model = PracticeInterest
    icon = "table"
    menu_label = _("Interest in practices")
    index_view_class = InterestIndexView
    list_display = ["practice", "questions", DateColumn("last_question_at", label=_("last question"))]


class QuestionsGroup(ModelViewSetGroup):
    menu_label = _("Questions")
    menu_icon = "mail"
    menu_order = 450
    items = (EnquiryViewSet("enquiries"), InterestViewSet("practice_interest"))
