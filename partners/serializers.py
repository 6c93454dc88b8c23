"""What the public API says about partner institutions."""

from rest_framework import serializers

from core.api.serializers import ImageSerializer, PageLinkSerializer, PageMetaSerializer, page_link, page_meta
from core.models import Country
from partners.models import InstitutionType, PartnerRole


class PartnerContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    position = serializers.CharField(allow_blank=True)
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class PartnerSummarySerializer(PageMetaSerializer):
    short_name = serializers.CharField(allow_blank=True)
    institution_type = serializers.ChoiceField(choices=InstitutionType.choices)
    role = serializers.ChoiceField(choices=PartnerRole.choices)
    country = serializers.ChoiceField(choices=Country.choices)
    website = serializers.URLField(allow_blank=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    logo = ImageSerializer(allow_null=True)

    def represent(self, page, render):
        return {
            **page_meta(page, render, "partner", "partners"),
            "short_name": page.short_name,
            "institution_type": page.institution_type,
            "role": page.role,
            "country": page.country,
            "website": page.website,
            "latitude": float(page.latitude) if page.latitude is not None else None,
            "longitude": float(page.longitude) if page.longitude is not None else None,
            "logo": render.image(page.logo_id, alt=page.title) if page.logo_id else None,
        }


class PartnerDetailSerializer(PartnerSummarySerializer):
    address = serializers.CharField(allow_blank=True)
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True, help_text="HTML.")
    contacts = PartnerContactSerializer(many=True)
    practices = PageLinkSerializer(many=True, help_text="Practices it implemented, in this item's locale.")
    events = PageLinkSerializer(many=True, help_text="Events it organises, in this item's locale.")

    def represent(self, page, render):
        data = super().represent(page, render)
        data.update(
            {
                "address": page.address,
                "email": page.email,
                "phone": page.phone,
                "description": render.rich_text(page.description),
                "contacts": [
                    {"name": c.name, "position": c.position, "email": c.email, "phone": c.phone}
                    for c in page.contacts.all()
                ],
                "practices": [page_link(p, render, "practices") for p in render.related["practices"]],
                "events": [page_link(e, render, "events") for e in render.related["events"]],
            }
        )
        return data
