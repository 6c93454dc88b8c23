"""Builds the bilingual demo site from the YAML files in `demo/content/` (`manage.py load_demo`).

Each object is written in its source language and then translated through
wagtail-localize, exactly as an editor and a translator would: a
`TranslationSource` is extracted, the other language's text is imported into
its `Translation` string by string (as a PO file), and the translated page or
topic is saved as a draft revision and published. Translation keys, StreamField
block ids and child-object keys are derived from the YAML keys, so a second run
finds everything in place and changes nothing.

One concern a module: `values` reads the YAML's values (a language's text,
stable ids), `pictures` draws and describes the images, `streams` writes
StreamField data, `builders` makes one unsaved object in one language,
`translation` carries it to the other language, and `site` loads it all in order.
"""

from demo.loader.site import DemoLoader
from demo.loader.values import CONTENT_DIR, DemoContentError

__all__ = ["CONTENT_DIR", "DemoContentError", "DemoLoader"]
