"""Admin views of the translation workflow: submit for review, check machine strings, guarded localize views."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from translation.machine import confirm_strings, machine_strings
from translation.permissions import can_edit_snippet, can_edit_source, can_translate, check_source_rights, is_reviewing
from translation.po.parsing import MAX_ENTRIES, ImportRejected, parse_po
from translation.review import ReviewError, submit_for_review


def _back_to_editor(translation):
    try:
        return redirect(translation.get_target_instance_edit_url())
    except ObjectDoesNotExist:  # the target was deleted meanwhile
        return redirect("wagtailadmin_home")


@require_POST
def submit_for_review_view(request, translation_id):
    """The translator's "Submit for review" button on the translation editor."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        submit_for_review(translation, request.user)
    except ReviewError as error:
        messages.error(request, _("Not submitted for review: %(reason)s") % {"reason": error})
    else:
        messages.success(
            request,
            _("'%(object)s' in %(locale)s was saved as a draft and submitted for review.")
            % {"object": translation.source.object_repr, "locale": translation.target_locale.get_display_name()},
        )
    return _back_to_editor(translation)


def machine_strings_view(request, translation_id):
    """Each machine string beside its source; the translator confirms the ones they ticked, reviewers read.

    Open to whoever may work on the translation, and to its reviewer while its review is theirs.
    """
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404 from None
    may_confirm = can_translate(request.user, translation)
    if not may_confirm and not is_reviewing(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("confirm") if value.isdigit()]
        count = confirm_strings(translation, request.user, ids)
        if count:
            messages.success(
                request,
                ngettext("%(count)d machine translation confirmed.", "%(count)d machine translations confirmed.", count)
                % {"count": count},
            )
        else:
            messages.error(request, _("Tick the strings you have checked to confirm them."))
        return redirect("translation:machine_strings", translation_id=translation.pk)
    found = machine_strings(translation)
    return TemplateResponse(
        request,
        "translation/machine_strings.html",
        {
            "page_title": _("Machine translations of '%(object)s'") % {"object": translation.source.object_repr},
            "translation": translation,
            "waiting": [item for item in found if not item.confirmed],
            "confirmed": [item for item in found if item.confirmed],
            "may_confirm": may_confirm,
            "editor_url": translation.get_target_instance_edit_url(),
        },
    )


class SourceRightsMixin:
    """Refuse users who may not edit the source object, whatever their `submit_translation` permission."""

    def get_object(self):
        instance = super().get_object()
        check_source_rights(self.request.user, instance)
        return instance


class GuardedSubmitPageTranslationView(SourceRightsMixin, SubmitPageTranslationView):
    """wagtail-localize sends the editor on to the new translation's editor, which only translators may open.

    The editor lands back on the source page instead, whose status panel lists
    its translations; someone who may edit the new translation goes to it.
    """

    def get_default_success_url(self, translated_page=None):
        if translated_page is not None and translated_page.permissions_for_user(self.request.user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
        return reverse("wagtailadmin_pages:edit", args=[self.object.pk])


class GuardedSubmitSnippetTranslationView(SourceRightsMixin, SubmitSnippetTranslationView):
    """As for pages: the new translation's editor if the user may edit it, else the source snippet."""

    def get_default_success_url(self, translated_snippet=None):
        editable = translated_snippet is not None and can_edit_snippet(self.request.user, translated_snippet)
        return super().get_default_success_url(translated_snippet if editable else None)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """Sync without publishing: new strings reach translators, and their work goes live through review only.

    wagtail-localize's "publish immediately" would put source text live in place
    of every string not yet translated, so the option is shown switched off.
    """

    def get_object(self):
        source = super().get_object()
        instance = source.get_source_instance()
        check_source_rights(self.request.user, instance.specific if isinstance(instance, Page) else instance)
        return source

    def get_form(self):
        form = super().get_form()
        field = form.fields["publish_translations"]
        field.disabled = True
        field.initial = False
        field.help_text = gettext_lazy("Translations are published when a reviewer approves them.")
        return form


def _guarded(view, allowed):
    """wagtail-localize's `view`, served only when `allowed(user, translation)`; its own check reads the
    model's change permission, which for snippets holds in every locale."""

    @wraps(view)
    def guarded_view(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not allowed(request.user, translation):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded_view


def _may_stop(user, translation):
    """Stopping a translation turns its target into content of its own: its locale's authors decide that."""
    return can_edit_source(user, translation.get_target_instance())


edit_string_translation = _guarded(edit_translation.edit_string_translation, can_translate)
edit_override = _guarded(edit_translation.edit_override, can_translate)
download_pofile = _guarded(edit_translation.download_pofile, can_translate)


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, for the user's own target locales, with the file checked first.

    Its view answers a missing file or a PO file without wagtail-localize's
    header with a server error and has no size limit; here each gets a message,
    and the file is parsed as text by the same parser as the offline round trip.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    if not can_translate(request.user, translation):
        raise PermissionDenied
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ImportRejected([_("Choose a PO file to upload.")])
        po = parse_po(upload.read(), max_entries=MAX_ENTRIES)
        if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
            raise ImportRejected([_("This PO file was not exported from this translation.")])
    except ImportRejected as rejected:
        for message in rejected.errors:
            messages.error(request, message)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    upload.seek(0)
    return edit_translation.upload_pofile(request, translation_id)


machine_translate = _guarded(edit_translation.machine_translate, can_translate)
preview_translation = _guarded(edit_translation.preview_translation, can_translate)
stop_translation = _guarded(edit_translation.stop_translation, _may_stop)


def convert_to_alias(request, page_id):
    """An alias shows the source language's text on the other language's site, whatever was translated:
    administrators only (superusers), never a role of the workflow."""
    if not request.user.is_superuser:
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
