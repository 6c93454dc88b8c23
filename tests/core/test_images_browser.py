"""An editor in the Polish admin: an image without alternative text is refused in Polish, then saved with one;
the practice's partner chooser opens in the Polish partner index. Screenshots go to test-artifacts/.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.users.models import UserProfile

from partners.factories import PartnerPageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from translation.roles import group_name, setup_roles

pytestmark = pytest.mark.usefixtures("migrated_data_back")

MISSING_ALT_PL = "Opisz obraz dla osób, które go nie widzą: co przedstawia, w jednym zdaniu."


def polish_editor(django_user_model):
    user = django_user_model.objects.create_user("editor-pl", "editor-pl@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name("editor", "pl")))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pl"
    profile.save()
    return user


@pytest.mark.django_db(transaction=True)
def test_an_editor_must_describe_an_uploaded_image(
    browser_page, live_server, django_user_model, artifacts_dir, tmp_path
):
    tree = build_site_tree(build_polish_tree())
    setup_roles()
    polish_editor(django_user_model)
    PartnerPageFactory(parent=tree.partners, title="Stowarzyszenie Aglomeracja Opolska")
    PartnerPageFactory(parent=tree.partners_cs, title="Statutární město Olomouc")
    picture = tmp_path / "rynek-w-opolu.png"
    PILImage.new("RGB", (320, 240), (29, 78, 137)).save(picture)
    page, base = browser_page, live_server.url
    log_in(page, base, "editor-pl")

    # The multiple uploader takes the file, then asks for the rest; without a description it refuses, in Polish.
    page.goto(f"{base}{reverse('wagtailimages:add_multiple')}")
    page.set_input_files("input[type=file]", str(picture))
    upload = page.locator("#upload-list li").first
    upload.locator("form").wait_for()
    upload.locator("button[type=submit]").click()
    upload.get_by_text(MISSING_ALT_PL).wait_for()
    page.screenshot(path=str(artifacts_dir / "image-alt-required-pl.png"), full_page=True)
    assert not Image.objects.exists()

    # With a description the image is made, and the description is its alternative text.
    upload.get_by_label("Tekst alternatywny (opis)").fill("Ratusz i kamienice na rynku w Opolu")
    upload.locator("button[type=submit]").click()
    upload.wait_for(state="detached")  # Wagtail removes an upload once its image is saved
    page.screenshot(path=str(artifacts_dir / "image-alt-saved-pl.png"), full_page=True)
    assert Image.objects.get().description == "Ratusz i kamienice na rynku w Opolu"

    # A new practice's implementing institution: the chooser opens in the Polish partner index.
    page.goto(f"{base}{reverse('wagtailadmin_pages:add', args=['practices', 'practicepage', tree.practices.pk])}")
    page.locator("#id_institutions-ADD").click()
    page.locator("#id_institutions-0-partner-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    modal.get_by_text("Stowarzyszenie Aglomeracja Opolska").wait_for()
    page.screenshot(path=str(artifacts_dir / "partner-chooser-pl.png"), full_page=True)
    assert modal.get_by_text("Partnerzy", exact=True).count() == 1  # the index, as the listing's parent
    assert modal.get_by_text("Statutární město Olomouc").count() == 0
