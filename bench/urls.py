"""The portal's URLs plus, for the benchmark only, stock Wagtail API v2 and a trivial JSON view.

Stock Wagtail API v2 is not part of the public API; it is mounted here to be
measured on the same data, server and settings as ours.
"""

from django.http import JsonResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as portal_urlpatterns
from practices.models import PracticePage

# What `fields=*` shows in stock API v2: the practice's structured fields.
PracticePage.api_fields = [
    "summary",
    "body",
    "challenge",
    "what_was_done",
    "start_date",
    "end_date",
    "agglomeration",
    "funding_source",
    "municipality",
    "latitude",
    "longitude",
    "main_image",
    "topic_links",
    "institutions",
]

stock_api = WagtailAPIRouter("stockapi")
stock_api.register_endpoint("pages", PagesAPIViewSet)


def trivial(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/stock/api/v2/", stock_api.urls),
    path("bench/trivial/", trivial),
    *portal_urlpatterns,
]
