"""Wires the translation workflow into the admin and closes wagtail-localize's gaps.

- wagtail-localize's submit and sync views are served through guarded
  subclasses (same URLs, registered first): the source must be editable by the
  user, and syncing never publishes.
- Before the translation editor handles a "Publish", an incomplete translation
  is refused: source text would otherwise stand in for the missing strings.
- Translators and reviewers edit only translations in their trees, and snippets
  only in their locales (reviewers only while a snippet's review is theirs);
  snippets are unpublished only in the locales where the user publishes pages.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin

from translation import autosave, review_hooks, urls, views  # noqa: F401 (autosave, review_hooks: their hooks)
from translation.dashboard import TranslationQueuePanel, translator_locale_codes
from translation.permissions import can_edit_snippet, can_publish_snippet, check_page_editor, locales_with
from translation.review import incomplete_message
from translation.review_queue import replace_wagtails_review_panel
from translation.status import progress_of, translation_into_locale_of


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.GuardedSubmitPageTranslationView.as_view(),
            name="translation_submit_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.GuardedSubmitSnippetTranslationView.as_view(),
            name="translation_submit_snippet",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.GuardedUpdateTranslationsView.as_view(),
            name="translation_update",
        ),
        path("translation/", include(urls, namespace="translation")),
        *GUARDED_LOCALIZE_URLS,
    ]


#: wagtail-localize's translation-editor URLs (same paths, resolved first), served by the guarded views
#: in `translation.views`; each is named after the wagtail-localize URL it stands in for.
GUARDED_LOCALIZE_URLS = [
    path(f"localize/{route}", view, name=f"translation_guarded_{name}")
    for route, view, name in [
        (
            "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            views.edit_string_translation,
            "edit_string_translation",
        ),
        (
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            views.edit_override,
            "edit_override",
        ),
        ("translate/<int:translation_id>/pofile/download/", views.download_pofile, "download_pofile"),
        ("translate/<int:translation_id>/pofile/upload/", views.upload_pofile, "upload_pofile"),
        ("translate/<int:translation_id>/machine_translate/", views.machine_translate, "machine_translate"),
        ("translate/<int:translation_id>/preview/", views.preview_translation, "preview_translation"),
        ("translate/<int:translation_id>/preview/<str:mode>/", views.preview_translation, "preview_translation"),
        ("translate/<int:translation_id>/disable/", views.stop_translation, "stop_translation"),
        ("page/<int:page_id>/convert_to_alias/", views.convert_to_alias, "convert_to_alias"),
    ]
]


def _refuse_incomplete_publish(request, instance):
    """A redirect with an error if this POST would publish a translation that still lacks strings."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_into_locale_of(instance)
    if translation is None:
        return None
    progress = progress_of(translation)
    if progress.complete:
        return None
    messages.error(request, _("Not published: %(reason)s") % {"reason": incomplete_message(progress)})
    return redirect(request.path)


@hooks.register("before_edit_page", order=-1)
def guard_page_editing(request, page):
    check_page_editor(request.user, page)
    return _refuse_incomplete_publish(request, page)


@hooks.register("before_edit_snippet", order=-1)
def guard_snippet_editing(request, instance):
    if isinstance(instance, TranslatableMixin):
        if not can_edit_snippet(request.user, instance):
            raise PermissionDenied
        return _refuse_incomplete_publish(request, instance)
    return None


@hooks.register("before_unpublish", order=-1)
def guard_snippet_unpublishing(request, instance):
    """Wagtail's snippet unpublish view checks only the model's publish permission, valid in every locale."""
    if isinstance(instance, TranslatableMixin) and not can_publish_snippet(request.user, instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-1)
def guard_snippet_deleting(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and instance.locale_id not in locales_with(request.user, "add_page"):
            raise PermissionDenied


@hooks.register("before_create_snippet", order=-1)
def guard_snippet_creating(request, model):
    if not issubclass(model, TranslatableMixin):
        return
    code = request.GET.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None or locale.pk not in locales_with(request.user, "add_page"):
        raise PermissionDenied


@hooks.register("construct_homepage_panels")
def add_translation_queues(request, panels):
    """Translators get their work queue; reviewers see the progress of what waits for their review."""
    locale_codes = translator_locale_codes(request.user)
    if locale_codes:
        panels.append(TranslationQueuePanel(locale_codes))
    replace_wagtails_review_panel(panels)


class TranslatorMenuItem(MenuItem):
    """Shown to everyone who works on translations in at least one locale."""

    def is_shown(self, request):
        return bool(locales_with(request.user, "change_page"))


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return TranslatorMenuItem(
        gettext_lazy("Translation status"), reverse("translation:status_report"), icon_name="site", order=900
    )


@hooks.register("register_reports_menu_item")
def register_translation_files_menu_item():
    return TranslatorMenuItem(
        gettext_lazy("Translation files (PO)"), reverse("translation:files"), icon_name="download", order=901
    )
