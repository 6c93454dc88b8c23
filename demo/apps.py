from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content: `manage.py load_demo` builds the bilingual site from the YAML in demo/content."""

    name = "demo"
