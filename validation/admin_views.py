"""*Settings → Invite a contributor*: the administrators' form for `validation.invitations` (no one else's)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from partners.models import PartnerPage
from validation.invitations import InvitationError, invite_contributor


def can_invite(user):
    """Only administrators add people to the admin (the issue: no self-registration, invited by an administrator)."""
    return user.is_active and user.is_superuser


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class InvitationForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    partner = PartnerChoiceField(
        label=gettext_lazy("Institution"),
        queryset=PartnerPage.objects.filter(contributor_groups__isnull=False).order_by("title"),
        help_text=gettext_lazy("Each institution's contributors' group is made by setup_roles."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text=gettext_lazy("The invitation's and the admin's language for this person."),
    )


class InviteContributorView(WagtailAdminTemplateMixin, FormView):
    form_class = InvitationForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Invite a contributor")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not can_invite(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("validation_invite"),
            submit_button_label=gettext("Send the invitation"),
            submit_button_active_label=gettext("Sending…"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            invitation = invite_contributor(
                data["email"],
                data["partner"],
                language=data["language"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except InvitationError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("The invitation was sent to %(email)s (%(group)s).")
            % {"email": invitation.user.email, "group": invitation.group.name},
        )
        return redirect("validation_invite")
