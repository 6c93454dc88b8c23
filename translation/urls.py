from django.urls import path

from translation import po_views, views
from translation.report import TranslationStatusReport

app_name = "translation"
urlpatterns = [
    path("<int:translation_id>/submit-for-review/", views.submit_for_review_view, name="submit_for_review"),
    path("<int:translation_id>/machine-strings/", views.machine_strings_view, name="machine_strings"),
    path("files/", po_views.translation_files, name="files"),
    path("status/", TranslationStatusReport.as_view(), name="status_report"),
    path("status/results/", TranslationStatusReport.as_view(results_only=True), name="status_report_results"),
]
