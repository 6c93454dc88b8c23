from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling, installed only by cms.settings.bench: data builder, stock API and ceiling views."""

    name = "bench"
