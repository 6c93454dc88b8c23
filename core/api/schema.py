from django.utils import translation
from drf_spectacular.views import SpectacularAPIView


def public_endpoints_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: document the public API, not the admin's internal ones."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(("/api/v2/", "/api/oembed/"))]


def non_empty_list_parameters(result, **kwargs):
    """drf-spectacular postprocessing hook: list parameters need at least one item (`?topic=` is refused)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("schema", {}).get("type") == "array":
                    parameter["schema"]["minItems"] = 1
    return result


class EnglishSchemaView(SpectacularAPIView):
    """The OpenAPI schema, always in English (labels of choices would otherwise follow the default language)."""

    def get(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().get(request, *args, **kwargs)
