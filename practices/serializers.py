"""What the public API says about good practices: a compact summary in lists, everything in the detail."""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import (
    BODY_BLOCKS,
    DocumentBlockSerializer,
    ImageSerializer,
    LinkBlockSerializer,
    PageLinkSerializer,
    iso,
    page_link,
)
from core.models import Country
from practices.models import Currency, PracticePage


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


class ScoresSerializer(serializers.Serializer):
    relevance = serializers.IntegerField(help_text="Relevance to agglomeration development or cross-border work, 1-5.")
    evidence = serializers.IntegerField(help_text="Evidence of results, 1-5.")
    transferability = serializers.IntegerField(help_text="Transferability to the other side of the border, 1-5.")
    participation = serializers.IntegerField(help_text="Participation of stakeholders, 1-5.")


class OpinionSerializer(serializers.Serializer):
    country = serializers.ChoiceField(choices=Country.choices, help_text="The expert's country.")
    expert_name = serializers.CharField()
    opinion = serializers.CharField(help_text="The expert's public opinion, plain text.")
    scores = ScoresSerializer()


class ValidationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["validated", "not_validated"],
        help_text="validated: approved by one Polish and one Czech expert in the good practice check.",
    )
    validated_at = serializers.DateTimeField(allow_null=True)
    opinions = OpinionSerializer(many=True)


class PracticeSummarySerializer(DeclaredPageSerializer):
    # A practice in lists: the fields `PracticePage.public_api_fields` marks as listed.
    api_model = PracticePage
    listed_only = True
    main_image = ImageSerializer(allow_null=True)
    topics = TopicSummarySerializer(many=True)
    institutions = PartnerLinkSerializer(many=True, help_text="Implementing institutions, in this item's locale.")
    validated = serializers.BooleanField(
        help_text="Validated by one Polish and one Czech expert (the detail's `validation` has their opinions)."
    )

    def represent_main_image(self, page, render):
        return render.image(page.main_image_id, alt=page.main_image_alt) if page.main_image_id else None

    def represent_topics(self, page, render):
        return [
            {"id": topic.id, "slug": topic.slug, "name": topic.name}
            for topic in render.related["topics"].get(page.pk, ())
        ]

    def represent_institutions(self, page, render):
        return [
            {**page_link(partner, render, "partners"), "short_name": partner.short_name}
            for partner in render.related["institutions"].get(page.pk, ())
        ]

    def represent_validated(self, page, render):
        return page.validated_at is not None


class PracticeDetailSerializer(PracticeSummarySerializer):
    # A practice's detail: every field of `PracticePage.public_api_fields`.
    listed_only = False
    institutions = ImplementingPartnerSerializer(
        many=True, help_text="Implementing institutions, in this item's locale."
    )
    body = BODY_BLOCKS
    budget = BudgetSerializer(allow_null=True)
    documents = DocumentBlockSerializer(many=True)
    external_links = LinkBlockSerializer(many=True)
    contact = ContactSerializer(allow_null=True, help_text="Only when the editors marked the contact public.")
    events = PageLinkSerializer(many=True, help_text="Events presenting this practice, in this item's locale.")
    validation = ValidationSerializer(help_text="The two-country expert validation and the experts' opinions.")

    def represent_institutions(self, page, render):
        return [
            {
                **page_link(partner, render, "partners"),
                "short_name": partner.short_name,
                "logo": render.image(partner.logo_id, alt=partner.title) if partner.logo_id else None,
            }
            for partner in render.related["institutions"].get(page.pk, ())
        ]

    def represent_body(self, page, render):
        return render.stream(page.body)

    def represent_budget(self, page, render):
        if page.budget_amount is None:
            return None
        return {"amount": f"{page.budget_amount:.2f}", "currency": page.budget_currency}

    def represent_documents(self, page, render):
        return render.stream(page.documents)

    def represent_external_links(self, page, render):
        return render.stream(page.external_links)

    def represent_contact(self, page, render):
        if not (page.contact_is_public and page.contact_name):
            return None
        return {"name": page.contact_name, "email": page.contact_email, "phone": page.contact_phone}

    def represent_events(self, page, render):
        return [page_link(event, render, "events") for event in render.related["events"]]

    def represent_validation(self, page, render):
        if page.validated_at is None:
            return {"status": "not_validated", "validated_at": None, "opinions": []}
        return {"status": "validated", "validated_at": iso(page.validated_at), "opinions": render.related["opinions"]}
