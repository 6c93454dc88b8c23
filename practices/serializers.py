"""What the public API says about good practices: a compact summary in lists, everything in the detail."""

from rest_framework import serializers

from core.api.serializers import (
    BODY_BLOCKS,
    DocumentBlockSerializer,
    ImageSerializer,
    LinkBlockSerializer,
    PageLinkSerializer,
    PageMetaSerializer,
    page_link,
    page_meta,
)
from practices.models import Agglomeration, Currency, FundingSource


class TopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class TopicSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class PartnerLinkSerializer(PageLinkSerializer):
    short_name = serializers.CharField(allow_blank=True)


class ImplementingPartnerSerializer(PartnerLinkSerializer):
    logo = ImageSerializer(allow_null=True)


class BudgetSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=True)
    currency = serializers.ChoiceField(choices=Currency.choices)


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class PracticeSummarySerializer(PageMetaSerializer):
    summary = serializers.CharField()
    main_image = ImageSerializer(allow_null=True)
    topics = TopicSummarySerializer(many=True)
    agglomeration = serializers.ChoiceField(choices=Agglomeration.choices)
    funding_source = serializers.ChoiceField(choices=FundingSource.choices)
    municipality = serializers.CharField(allow_blank=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    is_ongoing = serializers.BooleanField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    institutions = PartnerLinkSerializer(many=True, help_text="Implementing institutions, in this item's locale.")
    is_sample_record = serializers.BooleanField(help_text="An illustrative record, not from a published source.")

    def represent(self, page, render):
        return {
            **page_meta(page, render, "practice", "practices"),
            "summary": page.summary,
            "main_image": render.image(page.main_image_id, alt=page.main_image_alt) if page.main_image_id else None,
            "topics": [
                {"id": topic["topic_id"], "slug": topic["slug"], "name": topic["name"]}
                for topic in render.related["topics"].get(page.pk, ())
            ],
            "agglomeration": page.agglomeration,
            "funding_source": page.funding_source,
            "municipality": page.municipality,
            "start_date": page.start_date.isoformat(),
            "end_date": page.end_date.isoformat() if page.end_date else None,
            "is_ongoing": page.is_ongoing,
            "latitude": float(page.latitude) if page.latitude is not None else None,
            "longitude": float(page.longitude) if page.longitude is not None else None,
            "institutions": [
                {**page_link(partner, render, "partners"), "short_name": partner.short_name}
                for partner in render.related["institutions"].get(page.pk, ())
            ],
            "is_sample_record": page.is_sample_record,
        }


class PracticeDetailSerializer(PracticeSummarySerializer):
    institutions = ImplementingPartnerSerializer(
        many=True, help_text="Implementing institutions, in this item's locale."
    )
    body = BODY_BLOCKS
    challenge = serializers.CharField(allow_blank=True, help_text="HTML.")
    what_was_done = serializers.CharField(allow_blank=True, help_text="HTML.")
    resources_needed = serializers.CharField(allow_blank=True, help_text="HTML.")
    budget = BudgetSerializer(allow_null=True)
    results = serializers.CharField(allow_blank=True, help_text="HTML: evidence of success.")
    difficulties = serializers.CharField(allow_blank=True, help_text="HTML.")
    transferability = serializers.CharField(allow_blank=True, help_text="HTML: potential for learning or transfer.")
    nuts3_code = serializers.CharField(allow_blank=True)
    documents = DocumentBlockSerializer(many=True)
    external_links = LinkBlockSerializer(many=True)
    contact = ContactSerializer(allow_null=True, help_text="Only when the editors marked the contact public.")
    events = PageLinkSerializer(many=True, help_text="Events presenting this practice, in this item's locale.")

    def represent(self, page, render):
        data = super().represent(page, render)
        data["institutions"] = [
            {
                **page_link(partner, render, "partners"),
                "short_name": partner.short_name,
                "logo": render.image(partner.logo_id, alt=partner.title) if partner.logo_id else None,
            }
            for partner in render.related["institutions"].get(page.pk, ())
        ]
        public_contact = page.contact_is_public and page.contact_name
        data.update(
            {
                "body": render.stream(page.body),
                "challenge": render.rich_text(page.challenge),
                "what_was_done": render.rich_text(page.what_was_done),
                "resources_needed": render.rich_text(page.resources_needed),
                "budget": {"amount": f"{page.budget_amount:.2f}", "currency": page.budget_currency}
                if page.budget_amount is not None
                else None,
                "results": render.rich_text(page.results),
                "difficulties": render.rich_text(page.difficulties),
                "transferability": render.rich_text(page.transferability),
                "nuts3_code": page.nuts3_code,
                "documents": render.stream(page.documents),
                "external_links": render.stream(page.external_links),
                "contact": {"name": page.contact_name, "email": page.contact_email, "phone": page.contact_phone}
                if public_contact
                else None,
                "events": [page_link(event, render, "events") for event in render.related["events"]],
            }
        )
        return data
