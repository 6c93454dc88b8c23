"""Reports → Results: the statistics for every content language, to read and to download as CSV or XLSX.

Open to every user of the admin (editors, administrators, translators, validators alike): the
figures are those the public Results page shows, and the personal ones are withheld here just as
there, so there is nothing a role would need to be kept from. Wagtail asks for a login (and the
right to use the admin) before any view registered through `register_admin_urls`.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from core.api.cache import content_version
from core.api.params.languages import CONTENT_LANGUAGES
from core.api.tree import public_tree
from stats.exports import to_csv, to_xlsx
from stats.views import current_figures

#: format -> (writer, Content-Type)
FORMATS = {
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def published_figures(locale):
    """The figures the API answers now for `locale`, or Http404 for a language without a published home."""
    version = content_version()[0]
    tree = public_tree(version)
    if locale not in CONTENT_LANGUAGES or tree.locale_ids.get(locale) not in tree.home_paths:
        raise Http404
    return current_figures(tree, version, locale)


class ResultsView(TemplateView):
    template_name = "stats/results.html"
    page_title = _("Results")

    def get_context_data(self, **kwargs):
        tree = public_tree()
        languages = [code for code in CONTENT_LANGUAGES if tree.locale_ids.get(code) in tree.home_paths]
        return {
            **super().get_context_data(**kwargs),
            "page_title": self.page_title,
            "results": [published_figures(code) for code in languages],
            "formats": list(FORMATS),
            "minimum": settings.STATS_MIN_COUNT,
        }


class DownloadView(View):
    """One language's figures as a file; GET only (a download changes nothing)."""

    def get(self, request, locale, file_format):
        if file_format not in FORMATS:
            raise Http404
        writer, content_type = FORMATS[file_format]
        response = HttpResponse(writer(published_figures(locale)), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="results-{locale}.{file_format}"'
        return response
