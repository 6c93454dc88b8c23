"""Actions of the workflow's people through the admin, shared by the journey and permission tests."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation


def submit_for_translation(client, page, locale, **extra):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk], **extra}
    )


def submit_snippet_for_translation(client, instance, locale):
    meta = instance._meta
    url = reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, instance.pk])
    return client.post(url, {"locales": [locale.pk]})


def snippet_url(instance, view_name, *args):
    return reverse(instance.snippet_viewset.get_url_name(view_name), args=[instance.pk, *args])


def translation_of(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def click_submit_for_review(client, translation):
    """The translator's "Submit for review" button on the translation editor."""
    return client.post(reverse("translation:submit_for_review", args=[translation.pk]))


def edit_string(client, translation, path, value):
    """What the translation editor sends when a person saves one string."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def workflow_action(client, instance, action, comment=""):
    """A reviewer's decision on the current review task of a page or snippet, as the admin's workflow modal posts it."""
    if isinstance(instance, Page):
        instance = Page.objects.get(pk=instance.pk).specific
        task_state = instance.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state.pk])
    else:
        instance = type(instance).objects.get(pk=instance.pk)
        task_state = instance.current_workflow_state.current_task_state
        url = snippet_url(instance, "workflow_action", action, task_state.pk)
    return client.post(url, {"comment": comment}, headers={"x-requested-with": "XMLHttpRequest"})


def api_ids(client, endpoint, locale_code):
    response = client.get(f"/api/v2/{endpoint}/", {"locale": locale_code, "limit": 100})
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["results"]}


def refused(response):
    """Wagtail's admin answers PermissionDenied with 403, or (for pages) a redirect home with an error message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))
