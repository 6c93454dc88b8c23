"""scripts/probe_roles.py against a live server: contributors and validators change nothing, and the control works."""

import sys
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory
from scripts import probe_roles
from tests.conftest import build_polish_tree, build_site_tree
from tests.utils import translate

pytestmark = pytest.mark.usefixtures("migrated_data_back")


@pytest.mark.django_db(transaction=True)
def test_probe_finds_every_role_refused_and_the_control_working(live_server, monkeypatch, capsys):
    tree = build_site_tree(build_polish_tree())
    PartnerPageFactory(parent=tree.partners, title="Urząd Miasta Opola")
    practice = PracticePageFactory(parent=tree.practices, title="Park", slug="park", summary="Zieleń.")
    translate(practice, Locale.objects.get(language_code="cs"), {"Zieleń.": "Zeleň."}, fallback=True)
    call_command("setup_roles", "--demo-users", "--password", "probe-password", stdout=StringIO())
    call_command("create_validation_demo_users", "--password", "probe-password", stdout=StringIO())
    monkeypatch.setattr(sys, "argv", ["probe_roles.py", "--base", live_server.url, "--password", "probe-password"])
    assert probe_roles.main() == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    for username in ("contributor", "validator-pl", "validator-cs"):
        assert f"{username:<15} could not sign in" not in out
        assert f"{username:<15} delete" in out
