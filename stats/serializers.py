"""The statistics' answer, described for the OpenAPI schema (the figures are built as dicts in `sections`)."""

from rest_framework import serializers


class StatisticsCellSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True, help_text="The count; null when withheld.")
    suppressed = serializers.BooleanField(
        help_text="True when the count is withheld: a count of people below `min_count`, or a cell that would "
        "give one away through a total (docs/statistics.md)."
    )


class StatisticsColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class StatisticsRowSerializer(serializers.Serializer):
    """A row of counts has `value` and `suppressed`; a row of a table has `cells` and `total`."""

    key = serializers.CharField(help_text="Stable key: a topic's slug, a choice's code, a year, a practice's id.")
    label = serializers.CharField(help_text="In the requested locale.")
    value = serializers.IntegerField(allow_null=True, required=False, help_text="counts: null when withheld.")
    suppressed = serializers.BooleanField(required=False, help_text="counts: the value is withheld.")
    cells = StatisticsCellSerializer(
        many=True, required=False, help_text="table: one per column, in the columns' order."
    )
    total = StatisticsCellSerializer(required=False, help_text="table: the row's total.")


class StatisticsSectionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="e.g. practices_by_topic, events_by_year, questions_by_practice.")
    title = serializers.CharField(help_text="In the requested locale.")
    unit = serializers.CharField(help_text="What is counted, in the requested locale.")
    personal = serializers.BooleanField(help_text="Counts of people: small counts are withheld.")
    kind = serializers.ChoiceField(
        choices=["counts", "table"], help_text="counts: `rows` of one value each; table: `rows` of `cells`."
    )
    columns = StatisticsColumnSerializer(many=True, required=False, help_text="table only.")
    rows = StatisticsRowSerializer(many=True)
    column_totals = StatisticsCellSerializer(many=True, required=False, help_text="table only.")
    total = StatisticsCellSerializer(
        allow_null=True,
        help_text="Items counted (practices, events, questions). For topics and countries, where one practice "
        "may count in several rows, the number of practices, not the rows' sum. Null when there is none.",
    )


class StatisticsSerializer(serializers.Serializer):
    locale = serializers.CharField()
    min_count = serializers.IntegerField(help_text="Counts of people from 1 to min_count - 1 are withheld.")
    sections = StatisticsSectionSerializer(many=True)
