"""Every admin URL that can change something has a decision on who may use it.

A new URL (a Wagtail or wagtail-localize upgrade, a new app, a new snippet)
fails here until someone writes down which guard covers it, and the decisions
that name model permissions are checked against the roles' actual rights.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, resolve, reverse

from translation.roles import setup_roles

PAGE_TESTER = "translation.permissions.RolePagePermissionTester, asked by Wagtail's view"
PAGE_EDITOR = "before_edit_page hook (translation.wagtail_hooks): sources for authors, no incomplete publish"
SNIPPET_LOCALE = "translation.middleware.SnippetLocaleMiddleware (locale of the snippet, default deny)"
REVIEW_TASK = "the review task's own actions (TranslationReviewTask.get_actions)"
TRANSLATION_EDITOR = "translation.views guard: can_translate / authors / superusers"
SUBMIT = "translation.views guarded submit/update views: the source must be the user's to edit"
SHADOWED = "wagtail-localize's original: its path resolves to the guarded view registered first"
OWN_STATE = "the signed-in user's own account, session or interface state"
NO_CONTENT = "answers POST but changes no content (search, previews, link choosers, 404, i18n)"
MEDIA = "images and documents: collection permissions; translators and reviewers only choose"
PLACE_NAMES = "search place names (synonyms): model permissions no role holds"
REGISTRATIONS = "registrations.admin_views: the event's locale editors and administrators (translation.policies)"
REGISTRATIONS_READ = REGISTRATIONS + "; GET only (require_safe: a POST is a 405)"
PROPOSALS = "proposals.admin_views: the proposal's language's editors (translation.policies), 404 for anyone else"


def admin_only(*codenames):
    """Managed only by holders of `codenames`, model permissions that no role of the workflow gets."""
    return ("admin only", codenames)


DECISIONS = {
    None: NO_CONTENT,
    # Pages
    "wagtail_bulk_action": PAGE_TESTER + " (each bulk action checks every page)",
    "wagtailadmin_pages:add": PAGE_TESTER,
    "wagtailadmin_pages:add_subpage": PAGE_TESTER,
    "wagtailadmin_pages:choose_parent": PAGE_TESTER,
    "wagtailadmin_pages:copy": PAGE_TESTER,
    "wagtailadmin_pages:delete": PAGE_TESTER,
    "wagtailadmin_pages:unpublish": PAGE_TESTER,
    "wagtailadmin_pages:set_privacy": PAGE_TESTER,
    "wagtailadmin_pages:move": PAGE_TESTER,
    "wagtailadmin_pages:move_confirm": PAGE_TESTER,
    "wagtailadmin_pages:set_page_position": PAGE_TESTER,
    "wagtailadmin_pages:lock": PAGE_TESTER,
    "wagtailadmin_pages:unlock": PAGE_TESTER,
    "wagtailadmin_pages:convert_alias": PAGE_TESTER,
    "wagtailadmin_pages:revisions_unschedule": PAGE_TESTER,
    "wagtailadmin_pages:edit": PAGE_EDITOR,
    "wagtailadmin_pages:revisions_revert": PAGE_EDITOR,
    "wagtailadmin_pages:preview_on_edit": PAGE_TESTER,
    "wagtailadmin_pages:preview_on_add": PAGE_TESTER,
    "wagtailadmin_pages:workflow_action": REVIEW_TASK + " (translation.review_actions adds the decision's message)",
    "wagtailadmin_pages:collect_workflow_action_data": REVIEW_TASK,
    "wagtailadmin_pages:confirm_workflow_cancellation": NO_CONTENT,
    "wagtailadmin_pages:workflow_preview": NO_CONTENT + " (translation.review_preview: GET only, for deciders)",
    "wagtailadmin_pages:history": NO_CONTENT,
    "wagtailadmin_pages:history_results": NO_CONTENT,
    "wagtailadmin_pages:revisions_compare": NO_CONTENT,
    "wagtailadmin_pages:revisions_index": NO_CONTENT,
    "wagtailadmin_pages:revisions_view": NO_CONTENT,
    "wagtailadmin_pages:search": NO_CONTENT,
    "wagtailadmin_pages:search_results": NO_CONTENT,
    "wagtailadmin_pages:type_use": NO_CONTENT,
    "wagtailadmin_pages:type_use_results": NO_CONTENT,
    "wagtailadmin_pages:usage": NO_CONTENT,
    "wagtailadmin_pages:view_draft": NO_CONTENT,
    "wagtailadmin_pages:workflow_history": NO_CONTENT,
    "wagtailadmin_pages:workflow_history_detail": NO_CONTENT,
    "wagtailadmin_explore": NO_CONTENT,
    "wagtailadmin_explore_results": NO_CONTENT,
    "wagtailadmin_explore_root": NO_CONTENT,
    "wagtailadmin_api:pages:action": PAGE_TESTER + " (the admin API's copy/move/publish actions)",
    # Topics (translatable snippets)
    "wagtailsnippets_practices_topic:add": "before_create_snippet hook: authors of the locale",
    "wagtailsnippets_practices_topic:edit": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:revisions_revert": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:delete": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:copy": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:lock": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:unlock": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:unpublish": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:revisions_unschedule": SNIPPET_LOCALE,
    "wagtailsnippets_practices_topic:workflow_action": REVIEW_TASK + " (with the decision's message, as for pages)",
    "wagtailsnippets_practices_topic:collect_workflow_action_data": REVIEW_TASK,
    "wagtailsnippetchoosers_practices_topic:create": "before_create_snippet hook: authors of the locale",
    # The translation workflow and wagtail-localize
    "translation:submit_for_review": TRANSLATION_EDITOR,
    "translation:machine_strings": "translation.views.machine_strings_view: can_translate (reviewers read only)",
    "translation:files": "translation.po_views: only the user's own target locales",
    "translation_submit_page": SUBMIT,
    "translation_submit_snippet": SUBMIT,
    "translation_update": SUBMIT,
    "translation_guarded_edit_string_translation": TRANSLATION_EDITOR,
    "translation_guarded_edit_override": TRANSLATION_EDITOR,
    "translation_guarded_download_pofile": TRANSLATION_EDITOR,
    "translation_guarded_upload_pofile": TRANSLATION_EDITOR,
    "translation_guarded_machine_translate": TRANSLATION_EDITOR,
    "translation_guarded_preview_translation": TRANSLATION_EDITOR,
    "translation_guarded_stop_translation": TRANSLATION_EDITOR,
    "translation_guarded_convert_to_alias": TRANSLATION_EDITOR,
    "wagtail_localize:submit_page_translation": SHADOWED,
    "wagtail_localize:submit_snippet_translation": SHADOWED,
    "wagtail_localize:update_translations": SHADOWED,
    "wagtail_localize:edit_string_translation": SHADOWED,
    "wagtail_localize:edit_override": SHADOWED,
    "wagtail_localize:download_pofile": SHADOWED,
    "wagtail_localize:upload_pofile": SHADOWED,
    "wagtail_localize:machine_translate": SHADOWED,
    "wagtail_localize:preview_translation": SHADOWED,
    "wagtail_localize:stop_translation": SHADOWED,
    "wagtail_localize:convert_to_alias": SHADOWED,
    # Images and documents, shared by both languages
    **{
        f"{app}:{view}": MEDIA
        for app in ("wagtailimages", "wagtaildocs")
        for view in ("add", "add_multiple", "delete", "delete_multiple", "delete_upload_multiple", "edit")
    },
    "wagtailimages:edit_multiple": MEDIA,
    "wagtaildocs:edit_multiple": MEDIA,
    "wagtailimages:create_multiple_from_uploaded_image": MEDIA,
    "wagtaildocs:create_multiple_from_uploaded_document": MEDIA,
    "wagtailimages_chooser:create": MEDIA,
    "wagtaildocs_chooser:create": MEDIA,
    "wagtailimages:preview": NO_CONTENT,
    "wagtailimages_chooser:select_format": NO_CONTENT,
    "wagtailembeds:chooser": NO_CONTENT,
    "wagtailembeds:chooser_upload": NO_CONTENT + " (fetches oEmbed data only for the editor's own form)",
    # Administration
    **{
        f"wagtailusers_users:{view}": admin_only("add_user", "change_user", "delete_user")
        for view in ("add", "copy", "delete", "edit")
    },
    **{
        f"wagtailusers_groups:{view}": admin_only("add_group", "change_group", "delete_group")
        for view in ("add", "delete", "edit")
    },
    **{
        f"wagtailsites:{view}": admin_only("add_site", "change_site", "delete_site")
        for view in ("add", "copy", "delete", "edit")
    },
    **{
        f"wagtaillocales:{view}": admin_only("add_locale", "change_locale", "delete_locale")
        for view in ("add", "copy", "delete", "edit")
    },
    **{
        f"wagtailadmin_collections:{view}": admin_only("add_collection", "change_collection", "delete_collection")
        for view in ("add", "delete", "edit", "set_privacy")
    },
    **{
        f"wagtailadmin_workflows:{view}": admin_only(
            "add_workflow", "change_workflow", "delete_workflow", "add_task", "change_task"
        )
        for view in (
            "add",
            "add_task",
            "disable",
            "disable_task",
            "edit",
            "edit_task",
            "enable",
            "enable_task",
            "remove",
            "select_task_type",
            "task_chooser_create",
            "task_chosen",
        )
    },
    **{
        f"wagtailredirects:{view}": admin_only("add_redirect", "change_redirect", "delete_redirect")
        for view in ("add", "delete", "edit", "process_import", "start_import")
    },
    "wagtailsettings:edit": "site settings: their own model permissions, which no role holds",
    "wagtailsettings:preview_on_edit": NO_CONTENT,
    "wagtailforms:list_submissions": NO_CONTENT,
    "wagtailforms:list_submissions_results": NO_CONTENT,
    **{
        f"webhook_endpoints:{view}": admin_only(
            "add_webhookendpoint", "change_webhookendpoint", "delete_webhookendpoint"
        )
        for view in ("add", "delete", "edit", "send_test")
    },
    **{
        f"webhook_deliveries:{view}": admin_only(
            "add_webhookdelivery", "change_webhookdelivery", "delete_webhookdelivery"
        )
        for view in ("add", "delete", "edit", "resend")
    },
    **{f"wagtailsnippets_search_placename:{view}": PLACE_NAMES for view in ("add", "copy", "delete", "edit")},
    "wagtailsnippetchoosers_search_placename:create": PLACE_NAMES,
    "registrations_admin:index": REGISTRATIONS_READ,
    "registrations_admin:event": REGISTRATIONS_READ,
    "registrations_admin:export": REGISTRATIONS_READ,
    "registrations_admin:act": REGISTRATIONS + "; POST only: confirm, decline, attendance",
    "registrations_admin:message": REGISTRATIONS + "; mails the event's confirmed (and waiting) participants",
    "proposals:decline": PROPOSALS,
    "proposals:create_draft": PROPOSALS + "; the draft also needs add rights on the practices index",
    "validation_invite": "validation.admin_views.can_invite: superusers only (tests/validation/test_invite.py)",
    # The user's own
    "wagtailadmin_account": OWN_STATE,
    "wagtailadmin_login": OWN_STATE + " (rate-limited sign-in)",
    "wagtailadmin_logout": OWN_STATE,
    "wagtailadmin_password_reset": OWN_STATE,
    "wagtailadmin_password_reset_confirm": OWN_STATE,
    "wagtailadmin_dismissibles": OWN_STATE,
    "wagtailadmin_editing_sessions:ping": OWN_STATE,
    "wagtailadmin_editing_sessions:release": OWN_STATE,
    "wagtailadmin_choose_page_anchor_link": NO_CONTENT,
    "wagtailadmin_choose_page_email_link": NO_CONTENT,
    "wagtailadmin_choose_page_external_link": NO_CONTENT,
    "wagtailadmin_choose_page_phone_link": NO_CONTENT,
    "wagtailadmin_error_test": NO_CONTENT,
    "wagtailadmin_javascript_catalog": NO_CONTENT,
    "wagtailadmin_sprite": NO_CONTENT,
    "wagtailadmin_tag_autocomplete": NO_CONTENT,
    "wagtailadmin_tag_model_autocomplete": NO_CONTENT,
}


def admin_patterns(patterns=None, prefix="", namespace=None):
    """(path, URL name with namespaces, view) of every URL under /admin/."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from admin_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif (prefix + str(pattern.pattern)).startswith("admin/"):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback


def may_write(view):
    """Whether a view may answer a POST, PUT, PATCH or DELETE; function views and routers are assumed to."""
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    if view_class is None:
        return True
    actions = getattr(view, "actions", None)
    if actions:
        return any(method not in ("get", "head", "options") for method in actions)
    return any(hasattr(view_class, method) for method in ("post", "put", "patch", "delete"))


def writing_url_names():
    return {name for _path, name, view in admin_patterns() if may_write(view)}


def test_every_admin_url_that_takes_a_post_has_a_decision():
    undecided = writing_url_names() - set(DECISIONS)
    assert not undecided, f"decide who may POST to these admin URLs, then list them in DECISIONS: {sorted(undecided)}"


def test_no_decision_is_left_for_a_url_that_is_gone():
    assert not set(DECISIONS) - writing_url_names()


@pytest.mark.django_db
def test_no_role_holds_the_permissions_of_admin_only_urls(site_tree):
    setup_roles()
    role_groups = Group.objects.exclude(name="Administrators")
    for name, decision in DECISIONS.items():
        if isinstance(decision, tuple):
            _label, codenames = decision
            holders = role_groups.filter(permissions__codename__in=codenames).values_list("name", flat=True)
            assert not holders.exists(), (name, list(holders))


@pytest.mark.parametrize("name", sorted(name for name, decision in DECISIONS.items() if decision == SHADOWED))
def test_wagtail_localizes_own_views_are_shadowed_by_the_guarded_ones(name):
    view_name = name.removeprefix("wagtail_localize:")
    arguments = {
        "submit_page_translation": [1],
        "submit_snippet_translation": ["practices", "topic", "1"],
        "update_translations": [1],
        "edit_string_translation": [1, 1],
        "edit_override": [1, 1],
    }.get(view_name, [1])
    match = resolve(reverse(name, args=arguments))
    assert match.url_name.startswith("translation_"), (name, match.url_name)
