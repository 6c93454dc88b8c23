"""What export and import agree on: how an entry names its string, and the hash of the translation it was made with."""

import hashlib
import re

CONTEXT_PATTERN = re.compile(r"^(?P<model>\w+\.\w+):(?P<pk>\S+) (?P<path>\S+)$")
PREVIOUS = "previous translation: "
NONE = "none"


def text_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()[:16] if text else NONE


def object_label(model, pk):
    return f"{model._meta.app_label}.{model.__name__}:{pk}"
