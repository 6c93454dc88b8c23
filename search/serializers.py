"""The shapes of search answers, declared field by field so the OpenAPI schema documents them."""

from rest_framework import serializers


class HighlightSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The title, HTML-escaped, with matching words in <mark>.")
    snippet = serializers.CharField(
        allow_blank=True, help_text="An excerpt of the summary or body, HTML-escaped, matching words in <mark>."
    )


class SearchResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text="practice, event or partner.")
    locale = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True, help_text="Plain text.")
    path = serializers.CharField(help_text="Frontend path, prefixed with the language code for non-default locales.")
    url = serializers.URLField(help_text="Absolute frontend URL.")
    api_url = serializers.URLField(help_text="The item's detail endpoint.")
    first_published_at = serializers.DateTimeField(allow_null=True)
    highlight = HighlightSerializer()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The value to pass in the facet's parameter.")
    label = serializers.CharField(help_text="Display name in the requested locale (English for types).")
    count = serializers.IntegerField(help_text="Results with this value.")


class FacetsSerializer(serializers.Serializer):
    type = FacetValueSerializer(many=True)
    topic = FacetValueSerializer(many=True)
    agglomeration = FacetValueSerializer(many=True)


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    matched_all_words = serializers.BooleanField(
        help_text="False when no result contains every word, and results containing some of them are shown."
    )
    facets = FacetsSerializer(
        help_text="Counts per value, among results of the query with the other facets' filters applied."
    )
    results = SearchResultSerializer(many=True)


class SuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text="practice, event or partner.")
    title = serializers.CharField()
    path = serializers.CharField()
    api_url = serializers.URLField()


class SuggestionsSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)
