"""The PO round trip in the admin: download a locale's open strings, upload them translated."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from translation.forms import ExportForm, ImportForm
from translation.permissions import locales_with
from translation.po import MAX_ENTRIES, MAX_REVIEWS, ImportRejected, export_po, import_po


def translation_files(request):
    """GET shows both forms; POST with `export` downloads a PO file, POST with `import` applies one."""
    if not locales_with(request.user, "change_page"):
        raise PermissionDenied
    export_form, import_form = ExportForm(prefix="export"), ImportForm(prefix="import")
    if request.method == "POST" and "export" in request.POST:
        export_form = ExportForm(request.POST, prefix="export")
        if export_form.is_valid():
            locale = export_form.locale_object()
            if locale.pk not in locales_with(request.user, "change_page"):
                export_form.add_error("locale", _("You do not work on translations into this language."))
            else:
                po = export_po(locale, only_outdated=export_form.cleaned_data["only_outdated"])
                response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
                filename = f"translations-{locale.language_code}-{timezone.now():%Y%m%d-%H%M}.po"
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
                return response
    elif request.method == "POST" and "import" in request.POST:
        import_form = ImportForm(request.POST, request.FILES, prefix="import")
        if import_form.is_valid() and import_form.locale_object().pk not in locales_with(request.user, "change_page"):
            import_form.add_error("locale", _("You do not work on translations into this language."))
        elif import_form.is_valid():
            try:
                result = import_po(
                    import_form.cleaned_data["file"].read(),
                    user=request.user,
                    expected_locale=import_form.locale_object(),
                    review=not import_form.cleaned_data["no_review"],
                    max_entries=MAX_ENTRIES,
                    max_reviews=MAX_REVIEWS,
                )
            except ImportRejected as rejected:
                for error in rejected.errors[:20]:
                    import_form.add_error("file", error)
                if len(rejected.errors) > 20:
                    import_form.add_error("file", _("… and %(count)d more.") % {"count": len(rejected.errors) - 20})
            else:
                messages.success(
                    request,
                    _(
                        "%(imported)d strings imported, %(confirmed)d machine translations confirmed, "
                        "%(submitted)d translations submitted for review."
                    )
                    % {"imported": result.imported, "confirmed": result.confirmed, "submitted": len(result.submitted)},
                )
                for warning in result.warnings[:30]:
                    messages.warning(request, warning)
                return redirect("translation:files")
    return TemplateResponse(
        request,
        "translation/files.html",
        {"export_form": export_form, "import_form": import_form, "page_title": _("Translation files (PO)")},
    )
