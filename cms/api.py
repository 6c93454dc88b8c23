"""The public API's one router: every endpoint under /api/v2/, the oEmbed provider, the schema and its docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from core.api.preview import PreviewView
from core.api.schema import EnglishSchemaView
from core.api.site import FindPageView, LocaleListView
from core.api.views import api_not_found
from embeds.oembed import OEmbedView
from enquiries.views import EnquiryTermsView, EnquiryView
from events.geo import EventGeoView
from events.views import EventViewSet
from home.navigation import NavigationView
from home.views import HomeView, StandardPageViewSet
from partners.geo import PartnerGeoView
from partners.views import PartnerViewSet
from practices.geo import PracticeGeoView
from practices.views import PracticeViewSet, TopicListView
from proposals.views import ProposalTermsView, ProposalView
from registrations.views import CancelView, RegistrationTermsView, RegistrationView
from search.views import AutocompleteView, SearchView
from stats.views import StatisticsView

router = SimpleRouter()
router.register("practices", PracticeViewSet, basename="practices")
router.register("events", EventViewSet, basename="events")
router.register("partners", PartnerViewSet, basename="partners")
router.register("standard-pages", StandardPageViewSet, basename="standard-pages")

v2 = [
    *router.urls,
    path("topics/", TopicListView.as_view(), name="topics"),
    path("locales/", LocaleListView.as_view(), name="locales"),
    path("pages/find/", FindPageView.as_view(), name="find-page"),
    path("home/", HomeView.as_view(), name="home"),
    path("navigation/", NavigationView.as_view(), name="navigation"),
    path("preview/", PreviewView.as_view(), name="preview"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/autocomplete/", AutocompleteView.as_view(), name="search-autocomplete"),
    path("geo/practices/", PracticeGeoView.as_view(), name="geo-practices"),
    path("geo/events/", EventGeoView.as_view(), name="geo-events"),
    path("geo/partners/", PartnerGeoView.as_view(), name="geo-partners"),
    path("enquiries/", EnquiryView.as_view(), name="enquiries"),
    path("enquiries/terms/", EnquiryTermsView.as_view(), name="enquiry-terms"),
    path("proposals/", ProposalView.as_view(), name="proposals"),
    path("proposals/terms/", ProposalTermsView.as_view(), name="proposal-terms"),
    path("registrations/", RegistrationView.as_view(), name="registrations"),
    path("registrations/terms/", RegistrationTermsView.as_view(), name="registration-terms"),
    path("registrations/cancel/", CancelView.as_view(), name="registration-cancel"),
    path("opendata/", include("opendata.urls")),
    path("stats/", StatisticsView.as_view(), name="stats"),
]

urlpatterns = [
    path("v2/", include((v2, "api"), namespace="api")),
    path("oembed/", OEmbedView.as_view(), name="oembed"),
    path("schema/", EnglishSchemaView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script from its own URL: no inline script under the CSP.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="drf_spectacular/swagger_ui_csp.html"),
        name="api-docs",
    ),
    re_path(r"^[\s\S]*\Z", api_not_found),
]
