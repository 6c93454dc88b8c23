"""Texts that Wagtail and wagtail-localize fix too early, or write in English, follow each user's language."""

import json
import re
from datetime import UTC, datetime
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import help_menu, reports_menu
from wagtail.models import Task
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from practices.factories import PracticePageFactory


def admin_user(django_user_model, language, superuser=True):
    name = f"{'admin' if superuser else 'user'}-{language}"
    if superuser:
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "password")
    else:
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "password")
        group = Group.objects.create(name=f"Admin access {language}")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def menu_items(node):
    """Every item of the sidebar's JSON props, submenus' items included: {name, label, url, ...}."""
    if isinstance(node, dict):
        arguments = node.get("_args") or []
        if arguments and isinstance(arguments[0], dict) and "label" in arguments[0]:
            yield arguments[0]
        for value in node.values():
            yield from menu_items(value)
    elif isinstance(node, list):
        for value in node:
            yield from menu_items(value)


def sidebar(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return list(menu_items(json.loads(props.group(1))))


@pytest.fixture
def menus_built_afresh():
    """Menus as after a restart: built by the next request, in its language, then kept for every request."""
    for menu in (reports_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)


@pytest.mark.usefixtures("menus_built_afresh")
def test_the_translations_report_is_labelled_in_each_users_language(client, django_user_model, polish_tree):
    report = reverse("wagtail_localize:translations_report")
    labels = {}
    for language in ("pl", "cs", "en"):
        client.force_login(admin_user(django_user_model, language))
        labels[language] = next(item["label"] for item in sidebar(client) if item.get("url") == report)

    assert labels == {"pl": "Tłumaczenia", "cs": "Překlady", "en": "Translations"}


@pytest.mark.usefixtures("menus_built_afresh")
def test_whats_new_in_wagtail_is_for_administrators_in_their_language(client, django_user_model, polish_tree):
    client.force_login(admin_user(django_user_model, "pl"))
    assert any(item["label"] == "Co nowego w Wagtail 8.0" for item in sidebar(client))

    client.force_login(admin_user(django_user_model, "cs"))
    labels = [item["label"] for item in sidebar(client)]
    assert "Co je nového ve Wagtail 8.0" in labels
    assert not [label for label in labels if "Co nowego" in label]

    client.force_login(admin_user(django_user_model, "cs", superuser=False))
    assert not [item for item in sidebar(client) if item["name"].startswith("whats-new")]


@pytest.mark.parametrize(
    ("language", "manual", "from_po_file"),
    [
        ("cs", "Přeloženo ručně dne 3. prosince 2026", "Přeloženo: soubor PO, 3. prosince 2026"),
        ("pl", "Przetłumaczono ręcznie dnia 3 grudnia 2026", "Przetłumaczono: plik PO, 3 grudnia 2026"),
    ],
)
def test_string_comments_give_their_date_in_the_admins_language(language, manual, from_po_file):
    translated = StringTranslation(translation_type="manual", updated_at=datetime(2026, 12, 3, 9, tzinfo=UTC))

    with translation.override(language):
        assert translated.get_comment() == manual
        translated.tool_name = "PO File"
        assert translated.get_comment() == from_po_file


def test_the_translation_editor_gets_its_english_texts_in_the_users_language(client, django_user_model, polish_tree):
    client.force_login(admin_user(django_user_model, "cs"))

    # Editor pages render the insert_editor_js hook; the translation editor is one of them.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[polish_tree.home.pk])).content.decode()

    texts = json.loads(unescape(re.search(r'data-editor-language="([^"]*)"', html).group(1)))
    with translation.override("cs"):
        more_actions = translation.gettext("More actions")
    assert more_actions != "More actions"
    assert texts == {"title": "Překlad: %(source)s → %(target)s", "More actions": more_actions}
    assert "translation/js/editor-language.js" in html


def test_the_admins_javascript_catalogs_carry_our_czech(client, django_user_model):
    client.force_login(admin_user(django_user_model, "cs"))

    wagtail = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    localize = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()

    assert '"Collapse all": "Sbalit v\\u0161e"' in wagtail or '"Collapse all": "Sbalit vše"' in wagtail
    assert '"Translate with ": "P\\u0159elo\\u017eit n\\u00e1strojem "' in localize or (
        '"Translate with ": "Přeložit nástrojem "' in localize
    )


def test_a_page_search_counts_its_results_as_pages(client, django_user_model, polish_tree):
    PracticePageFactory(parent=polish_tree.practices, title="Rowerowa aglomeracja")
    client.force_login(admin_user(django_user_model, "pl"))

    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "Rowerowa"}).content.decode()

    assert re.search(r"1–1 z 1 \(strona\)|1–1 z 1 \(strony\)", html)
    assert "(None)" not in html


def test_the_review_notification_subject_is_in_the_reviewers_language(polish_tree):
    task = Task(name="Recenze překladu")

    with translation.override("cs"):
        subject = render_to_string(
            "wagtailadmin/notifications/task_state_submitted_subject.txt", {"page": polish_tree.home, "task": task}
        )

    title = polish_tree.home.get_admin_display_title()
    assert subject.strip() == f"Stránka „{title}“ byla odeslána ke schválení v kroku „Recenze překladu“"
