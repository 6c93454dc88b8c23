"""Every admin view of a translatable snippet that changes one, held to the snippet's locale.

Wagtail's snippet views check model permissions, which have no locale: a
Polish editor holds `publish_topic` for Czech topics too, and views such as
"unschedule", "copy" or "lock" have no hook to refuse them. This guard sits in
front of all of them: it reads which snippet view a POST resolved to, and a
view it has no rule for is refused to everyone but superusers, so a view a
new Wagtail version adds is closed until someone decides who may use it.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from wagtail.models import TranslatableMixin

from translation.permissions import can_edit_snippet, can_publish_snippet, locales_with

NAMESPACE_PREFIX = "wagtailsnippets_"


def _author(user, instance):
    return instance.locale_id in locales_with(user, "add_page")


#: URL name of a snippet view -> who may POST to it, given the snippet.
RULES = {
    "edit": can_edit_snippet,
    "revisions_revert": can_edit_snippet,
    "preview_on_edit": can_edit_snippet,
    "delete": _author,
    "copy": _author,
    "lock": _author,
    "unlock": _author,
    "unpublish": can_publish_snippet,
    "revisions_unschedule": can_publish_snippet,
    # Decided by the review task itself (only its locale's reviewers see the actions).
    "workflow_action": lambda user, instance: True,
    "collect_workflow_action_data": lambda user, instance: True,
}


def snippet_of(match):
    """The translatable snippet a resolved admin URL acts on, or None."""
    if not match.namespace.startswith(NAMESPACE_PREFIX) or "pk" not in match.kwargs:
        return None
    app_label, _sep, model_name = match.namespace.removeprefix(NAMESPACE_PREFIX).partition("_")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    if not issubclass(model, TranslatableMixin):
        return None
    return model.objects.filter(pk=unquote(str(match.kwargs["pk"]))).first()


class SnippetLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD", "OPTIONS") or request.user.is_superuser:
            return None
        match = request.resolver_match
        instance = snippet_of(match) if match else None
        if instance is None:
            return None
        rule = RULES.get(match.url_name)
        if rule is None or not rule(request.user, instance):
            raise PermissionDenied
        return None
