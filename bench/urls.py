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


class StockPagesAPIViewSet(PagesAPIViewSet):
    """Stock API v2, shown the practice's structured fields under `fields=*` as a Wagtail site would declare them.

    Stock v2 reads `api_fields` off the model; giving them here keeps the
    benchmark from changing `PracticePage` for the whole process.
    """

    practice_fields = (
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
    )

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        if issubclass(model, PracticePage):
            fields += cls._convert_api_fields(cls.practice_fields)
        return fields


stock_api = WagtailAPIRouter("stockapi")
stock_api.register_endpoint("pages", StockPagesAPIViewSet)


def trivial(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/stock/api/v2/", stock_api.urls),
    path("bench/trivial/", trivial),
    *portal_urlpatterns,
]
