from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from stats.admin_views import DownloadView, ResultsView


@hooks.register("register_admin_urls")
def register_results_urls():
    return [
        path("reports/results/", ResultsView.as_view(), name="stats_results"),
        path("reports/results/<slug:locale>.<slug:file_format>", DownloadView.as_view(), name="stats_download"),
    ]


@hooks.register("register_reports_menu_item")
def register_results_menu_item():
    return MenuItem(gettext_lazy("Results"), reverse("stats_results"), name="results", icon_name="table", order=960)
