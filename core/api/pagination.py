from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """`limit`/`offset` paging that refuses bad values with a 400 instead of silently replacing them."""

    default_limit = 20
    max_limit = 100

    def get_limit(self, request):
        return self._parse(request, self.limit_query_param, self.default_limit, minimum=1, maximum=self.max_limit)

    def get_offset(self, request):
        return self._parse(request, self.offset_query_param, 0, minimum=0, maximum=10_000_000)

    @staticmethod
    def _parse(request, name, default, *, minimum, maximum):
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ValidationError({name: [f"Must be an integer between {minimum} and {maximum}."]}) from None
        if not minimum <= value <= maximum:
            raise ValidationError({name: [f"Must be an integer between {minimum} and {maximum}."]})
        return value

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_limit, "default": self.default_limit})
                parameter["description"] = (
                    f"Number of results per page, 1–{self.max_limit} (default {self.default_limit})."
                )
            if parameter["name"] == self.offset_query_param:
                parameter["schema"].update({"minimum": 0, "maximum": 10_000_000, "default": 0})
        return parameters
