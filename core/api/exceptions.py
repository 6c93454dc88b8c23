from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    """All errors as `{"detail": ..., "errors": {parameter or field: [problems]}}`, never a bare list or HTML."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        request = context.get("request")
        what = "fields" if request is not None and request.method == "POST" else "query parameters"
        response.data = {
            "detail": f"Invalid {what}: " + ", ".join(sorted(errors)) + ".",
            "errors": {name: [str(problem) for problem in _as_list(problems)] for name, problems in errors.items()},
        }
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"])}
    return response


def _as_list(problems):
    return problems if isinstance(problems, list) else [problems]
