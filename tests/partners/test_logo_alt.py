"""A partner's logo is described by the partner's name in each language, whatever its library description says."""

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from partners.factories import PartnerPageFactory
from tests.utils import translate


def test_the_logo_alt_is_the_partners_name_in_the_items_language(client, shared_site_tree, locale_cs):
    logo = Image.objects.create(title="logo.png", description="Logo miasta", file=get_test_image_file())
    partner = PartnerPageFactory(parent=shared_site_tree.partners, title="Miasto Ołomuniec", logo=logo)
    partner_cs = translate(partner, locale_cs, {"Miasto Ołomuniec": "Statutární město Olomouc"}, fallback=True)

    polish = client.get(f"/api/v2/partners/{partner.pk}/").json()
    czech = client.get(f"/api/v2/partners/{partner_cs.pk}/").json()

    assert polish["logo"]["alt"] == "Miasto Ołomuniec"
    assert czech["logo"]["alt"] == "Statutární město Olomouc"
