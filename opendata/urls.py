"""Open-data URLs under /api/v2/opendata/, kept stable for the portals that harvest them (docs/open-data.md)."""

from django.urls import path

from opendata.views import CatalogView, DownloadView

urlpatterns = [
    path("catalog.jsonld", CatalogView.as_view(), name="opendata-catalog"),
    path("<str:collection>/<slug:locale>.<slug:file_format>", DownloadView.as_view(), name="opendata-download"),
]
