"""`/api/v2/stats/`: the programme's results in one locale, counted (docs/statistics.md)."""

from django.conf import settings
from django.core.cache import cache
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from core.api.params import LOCALE, Parameters, locale_id_of
from core.api.views import LIST_ERRORS, PublicResourceView
from stats.sections import figures
from stats.serializers import StatisticsSerializer


def current_figures(tree, version, locale):
    """The figures for `locale`, counted at most once per content version and STATS_CACHE_SECONDS.

    A publish renews the content version, so published changes show at once, as elsewhere in the
    API. Questions arrive without a publish, so figures kept under one version would show a
    count frozen until the next publish (days, perhaps): they are also kept for a few minutes
    only. A separate version bumped per question was the other way; it would recount on every
    question and, worse, let a visitor see the count move by one right after asking, which is
    what the suppression of small counts is there to prevent.
    """
    key = f"a4b:stats:{version}:{locale}"
    found = cache.get(key)
    if found is None:
        found = figures(tree, locale)
        cache.set(key, found, timeout=settings.STATS_CACHE_SECONDS)
    return found


class StatisticsView(PublicResourceView):
    """The figures of every registered section (`stats.sections`) for one locale."""

    query_parameters = Parameters(LOCALE)

    @extend_schema(
        operation_id="statistics",
        tags=["statistics"],
        summary="The programme's results, counted",
        description="Practices by topic, agglomeration, country and funding source; validated and translated shares; "
        "events by type and year; questions asked about practices. Aggregates only: counts of people below "
        "`min_count` are null with `suppressed: true`, and so is any cell a total would give away. "
        "Recounted on every publish and at least every few minutes. See docs/statistics.md.",
        responses={200: StatisticsSerializer, **LIST_ERRORS},
    )
    def get(self, request):
        return super().get(request)

    def render(self):
        locale_id_of(self.request.query_params, self.tree)
        locale = self.read_parameter("locale")
        response = Response(current_figures(self.tree, self.version, locale))
        response["Content-Language"] = locale
        return response

    def worth_keeping(self, request):
        """Not in the per-version response cache: it would keep the questions' counts until the next publish."""
        return False
