"""What the public API says about partner institutions: the fields `PartnerPage.public_api_fields` declares."""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import ImageSerializer, PageLinkSerializer, page_link
from partners.models import PartnerPage


class PartnerContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    position = serializers.CharField(allow_blank=True)
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class PartnerSummarySerializer(DeclaredPageSerializer):
    api_model = PartnerPage
    listed_only = True
    logo = ImageSerializer(allow_null=True)

    def represent_logo(self, page, render):
        return render.image(page.logo_id, alt=page.title) if page.logo_id else None


class PartnerDetailSerializer(PartnerSummarySerializer):
    listed_only = False
    contacts = PartnerContactSerializer(many=True)
    practices = PageLinkSerializer(many=True, help_text="Practices it implemented, in this item's locale.")
    events = PageLinkSerializer(many=True, help_text="Events it organises, in this item's locale.")

    def represent_contacts(self, page, render):
        return [
            {"name": contact.name, "position": contact.position, "email": contact.email, "phone": contact.phone}
            for contact in page.contacts.all()
        ]

    def represent_practices(self, page, render):
        return [page_link(practice, render, "practices") for practice in render.related["practices"]]

    def represent_events(self, page, render):
        return [page_link(event, render, "events") for event in render.related["events"]]
