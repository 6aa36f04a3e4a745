"""The shape of insights/serialise.as_dict, for the OpenAPI description only: the view returns
that dict as it is. A figure on fewer people than the minimum group size is null, and so is
every figure of a group the view withholds (see exitlens.insights.disclosure)."""

from rest_framework import serializers


class InsightShareSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    share = serializers.FloatField()
    low = serializers.FloatField(help_text="Lower bound of the 95% Wilson interval.")
    high = serializers.FloatField(help_text="Upper bound of the 95% Wilson interval.")


def _share(**kwargs) -> InsightShareSerializer:
    return InsightShareSerializer(allow_null=True, **kwargs)


class InsightFilterValueSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()


class InsightFiltersSerializer(serializers.Serializer):
    description = InsightFilterValueSerializer(many=True)
    query = serializers.CharField(allow_blank=True)
    start = serializers.DateField()
    end = serializers.DateField()
    granularity = serializers.CharField()
    by = serializers.CharField()


class InsightThresholdsSerializer(serializers.Serializer):
    min_group = serializers.IntegerField()
    min_quote_group = serializers.IntegerField()


class InsightHeadlineSerializer(serializers.Serializer):
    departures = serializers.IntegerField(allow_null=True)
    voluntary = _share()
    regrettable = _share()
    invited = serializers.IntegerField(allow_null=True)
    responded = _share()
    leavers = serializers.IntegerField(allow_null=True)
    expectations_met = serializers.FloatField(allow_null=True)
    expectations_scale = serializers.ListField(
        child=serializers.IntegerField(), allow_null=True, min_length=2, max_length=2
    )
    recommend_score = serializers.FloatField(allow_null=True)
    recommend_answers = serializers.IntegerField(allow_null=True)
    retained = _share()


class InsightThemeRowSerializer(serializers.Serializer):
    theme = serializers.CharField()
    label = serializers.CharField()
    leavers = serializers.IntegerField()
    share = _share()
    negative = serializers.IntegerField()
    positive = serializers.IntegerField()
    sources = serializers.DictField(child=serializers.IntegerField())
    regrettable = serializers.IntegerField()
    retention_measure = serializers.CharField(allow_blank=True)


class InsightSegmentSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    leavers = serializers.IntegerField()
    themes = serializers.DictField(child=serializers.IntegerField())
    differs = serializers.DictField(child=serializers.CharField())


class InsightBreakdownSerializer(serializers.Serializer):
    dimension = serializers.CharField()
    label = serializers.CharField()
    segments = InsightSegmentSerializer(many=True)
    hidden = serializers.IntegerField(
        help_text="Always 0: small segments fold into “other” until it reaches the minimum "
        "group size."
    )


class InsightPeriodCountSerializer(serializers.Serializer):
    period = serializers.CharField()
    departures = serializers.IntegerField(allow_null=True)


class InsightPeriodShareSerializer(serializers.Serializer):
    period = serializers.CharField()
    share = _share()


class InsightThemeTrendSerializer(serializers.Serializer):
    theme = serializers.CharField()
    label = serializers.CharField()
    points = InsightPeriodShareSerializer(many=True)


class InsightsSerializer(serializers.Serializer):
    filters = InsightFiltersSerializer()
    thresholds = InsightThresholdsSerializer()
    withheld = serializers.ListField(
        child=serializers.CharField(),
        help_text="Figure groups withheld (“departures”, “leavers”) because this view would "
        "differ from a nearby view (one filter or one edge of the period apart) by fewer than "
        "the minimum group size.",
    )
    withheld_reason = serializers.CharField(allow_null=True)
    headline = InsightHeadlineSerializer()
    reasons = InsightThemeRowSerializer(many=True)
    retention = InsightThemeRowSerializer(many=True)
    attraction = InsightThemeRowSerializer(many=True)
    liked_most = InsightThemeRowSerializer(many=True)
    liked_least = InsightThemeRowSerializer(many=True)
    gap = InsightThemeRowSerializer(many=True)
    breakdown = InsightBreakdownSerializer(allow_null=True)
    periods = serializers.ListField(child=serializers.CharField())
    departures_trend = InsightPeriodCountSerializer(many=True)
    voluntary_trend = InsightPeriodShareSerializer(many=True)
    theme_trends = InsightThemeTrendSerializer(many=True)
    quotes = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=(
            "Unattributed quotes per theme that HR approved, only when enough leavers are in view."
        ),
    )
    anonymous_left_out = serializers.IntegerField(
        allow_null=True, help_text="0, or null when fewer than the minimum group size."
    )
    methods = serializers.CharField()
