"""Proposals in the admin: the editors of a proposal's language read it, decline it or make a draft practice of it.

Proposals hold the proposer's personal data, so they follow the questions' rule
(translation.policies): a locale's editors and administrators only; translators,
reviewers and the other language's editors neither see nor act on them. Nobody
adds or edits a proposal here; it leaves by `purge_proposals`.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from proposals.models import PracticeProposal
from proposals.selectors import practices_index, proposals_in
from proposals.services import create_draft, decline
from translation.policies import editor_locales


def visible_proposal(request, pk):
    """The proposal if the user edits its language; 404 otherwise (its existence is not confirmed)."""
    return get_object_or_404(proposals_in(editor_locales(request.user)), pk=pk)


class ProposalIndexView(IndexView):
    def get_base_queryset(self):
        return proposals_in(editor_locales(self.request.user))


class ProposalInspectView(InspectView):
    template_name = "proposals/admin/inspect.html"

    def get_object(self, queryset=None):
        return visible_proposal(self.request, self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["undecided"] = self.object.status == PracticeProposal.Status.NEW
        return context


class DecisionView(View):
    """POST only: act on a new proposal of the user's language, then go back to it."""

    http_method_names = ["post"]

    def post(self, request, pk):
        proposal = visible_proposal(request, pk)
        if proposal.status != PracticeProposal.Status.NEW:
            messages.error(request, _t("This proposal has already been decided."))
            return redirect("proposals:inspect", pk)
        return self.act(request, proposal)


class DeclineView(DecisionView):
    def act(self, request, proposal):
        decline(proposal, request.user)
        messages.success(request, _t("The proposal “%(title)s” was declined.") % {"title": proposal.title})
        return redirect("proposals:index")


class CreateDraftView(DecisionView):
    def act(self, request, proposal):
        parent = practices_index(proposal.locale_id)
        if parent is None or not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        page = create_draft(proposal, request.user)
        messages.success(request, _t("A draft practice was created from the proposal; complete it before publishing."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class ProposalViewSet(ModelViewSet):
    model = PracticeProposal
    icon = "pick"
    menu_label = _("Practice proposals")
    menu_order = 460
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    list_display = [
        "title",
        "municipality",
        "proposer_name",
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("received")),
    ]
    list_filter = ["locale", "status"]
    inspect_view_fields = [
        "status",
        "locale",
        "title",
        "summary",
        "challenge",
        "solution",
        "resources",
        "timescale",
        "results",
        "difficulties",
        "transferability",
        "municipality",
        "latitude",
        "longitude",
        "topics",
        "institution",
        "partner",
        "contact_person",
        "proposer_name",
        "proposer_email",
        "proposer_organisation",
        "language",
        "consent_version",
        "created_at",
        "decided_at",
        "decided_by",
        "draft",
    ]

    def get_permissions_to_register(self):
        # Access follows page rights (translation.policies): model permissions in the group editor do nothing.
        return Permission.objects.none()

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("decline/<int:pk>/", DeclineView.as_view(), name="decline"),
            path("create-draft/<int:pk>/", CreateDraftView.as_view(), name="create_draft"),
        ]
