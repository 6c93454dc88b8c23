"""Reading the demo's YAML values: each language's text, ids that are the same on every run, decimals."""

import uuid
from decimal import Decimal
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
DEMO_NAMESPACE = uuid.UUID("6f1d3a52-9a41-4c5e-8d0c-a4b2018a4b20")
LANGUAGES = ("pl", "cs")


class DemoContentError(Exception):
    """The YAML content does not fit the models (a missing string, a mismatched paragraph count, ...)."""


def stable_uuid(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts))


def in_language(value, lang):
    """The `lang` text of a `{pl: ..., cs: ...}` mapping; other values are the same in both languages."""
    if isinstance(value, dict) and set(LANGUAGES) <= set(value):
        return value[lang]
    return value if value is not None else ""


def other_language(lang):
    return "cs" if lang == "pl" else "pl"


def decimal(value):
    return None if value is None else Decimal(str(value))
