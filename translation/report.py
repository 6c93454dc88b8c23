"""The translation status report: every translation, how far it is, whether it is current, who worked on it."""

from dataclasses import dataclass

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, WorkflowMixin, WorkflowState, get_translatable_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translation.permissions import locales_with
from translation.review import review_state_of
from translation.status import Progress, with_progress

STATUS_CHOICES = [
    ("up_to_date", _("Up to date")),
    ("out_of_date", _("Out of date")),
    ("incomplete", _("Strings missing")),
    ("machine", _("Machine translations to check")),
    ("in_review", _("In review")),
    ("needs_changes", _("Changes requested")),
]


def _content_types(request=None):
    models = [model for model in get_translatable_models(include_subclasses=True) if not model._meta.abstract]
    ids = [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class StatusFilterSet(WagtailFilterSet):
    target_locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), field_name="target_locale"
    )
    content_type = django_filters.ModelChoiceFilter(
        label=_("Content type"), queryset=_content_types, field_name="source__specific_content_type"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="keep")

    class Meta:
        model = Translation
        fields = ["target_locale", "content_type", "status"]

    def keep(self, queryset, name, value):
        """The status depends on computed values: the view filters the rows it builds."""
        return queryset


@dataclass
class StatusRow:
    translation: Translation
    progress: Progress
    title: str
    content_type: str
    source_locale: str
    target_locale: str
    edit_url: str
    workflow_state: str
    status_code: str
    last_translator: str
    last_reviewer: str
    review_comment: str

    @property
    def strings(self):
        return f"{self.progress.translated}/{self.progress.total}"

    @property
    def status(self):
        return dict(STATUS_CHOICES)[self.status_code]


def _reviewed_target(translation):
    """(base content type, id) of a translation's target that goes through review (a page or topic), else None."""
    if translation.target_page_id is not None:
        return ContentType.objects.get_for_model(Page), translation.target_page_id
    model = translation.source.specific_content_type.model_class()
    if model is None or not issubclass(model, WorkflowMixin):
        return None
    target_id = (
        model.objects.filter(translation_key=translation.source.object_id, locale_id=translation.target_locale_id)
        .values_list("pk", flat=True)
        .first()
    )
    return (model.get_base_content_type(), target_id) if target_id is not None else None


class TranslationStatusReport(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    results_template_name = "translation/status_report_results.html"
    index_url_name = "translation:status_report"
    index_results_url_name = "translation:status_report_results"
    filterset_class = StatusFilterSet
    export_filename = "translation-status"
    list_export = [
        "title",
        "content_type",
        "source_locale",
        "target_locale",
        "progress.translated",
        "progress.total",
        "progress.machine",
        "progress.source_changed",
        "progress.up_to_date",
        "status",
        "workflow_state",
        "last_translator",
        "last_reviewer",
        "review_comment",
    ]
    export_headings = {
        "title": _("Title"),
        "content_type": _("Content type"),
        "source_locale": _("Source language"),
        "target_locale": _("Language"),
        "progress.translated": _("Translated strings"),
        "progress.total": _("Total strings"),
        "progress.machine": _("Machine translations to check"),
        "progress.source_changed": _("Source changed since sync"),
        "progress.up_to_date": _("Up to date"),
        "status": _("Status"),
        "workflow_state": _("Review"),
        "last_translator": _("Last translator"),
        "last_reviewer": _("Last reviewer"),
        "review_comment": _("Reviewer's comment"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.locale_ids = locales_with(request.user, "change_page")
        if not self.locale_ids:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return with_progress(
            Translation.objects.filter(enabled=True, target_locale_id__in=self.locale_ids).select_related(
                "source", "source__locale", "source__specific_content_type", "target_locale"
            )
        ).order_by("source__object_repr", "target_locale_id")

    def get_filtered_queryset(self):
        rows = [self.build_row(translation) for translation in self.filter_queryset(self.get_queryset())]
        wanted = self.request.GET.get("status")
        return [row for row in rows if row.status_code == wanted] if wanted in dict(STATUS_CHOICES) else rows

    def build_row(self, translation):
        progress = Progress.of(translation, translation.source.last_updated_at)
        state, decision = None, None
        edit_url = ""
        target = _reviewed_target(translation)
        if target is not None:
            state, decision = review_state_of(*target)
        try:
            edit_url = translation.get_target_instance_edit_url()
        except ObjectDoesNotExist:
            edit_url = ""
        translator = (
            StringTranslation.objects.filter(
                locale=translation.target_locale,
                context__in=StringSegment.objects.filter(source=translation.source).values("context_id"),
                last_translated_by__isnull=False,
            )
            .select_related("last_translated_by")
            .order_by("-updated_at")
            .first()
        )
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            code = "needs_changes"
        elif state is not None:
            code = "in_review"
        elif not progress.complete:
            code = "incomplete"
        elif progress.machine:
            code = "machine"
        elif progress.up_to_date:
            code = "up_to_date"
        else:
            code = "out_of_date"
        return StatusRow(
            translation=translation,
            progress=progress,
            title=translation.source.object_repr,
            content_type=str(translation.source.specific_content_type.name).capitalize(),
            source_locale=translation.source.locale.language_code,
            target_locale=translation.target_locale.language_code,
            edit_url=edit_url,
            workflow_state=state.get_status_display() if state is not None else "",
            status_code=code,
            last_translator=translator.last_translated_by.get_username() if translator else "",
            last_reviewer=decision.finished_by.get_username() if decision and decision.finished_by else "",
            review_comment=decision.comment if decision else "",
        )
