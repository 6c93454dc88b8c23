"""Untrusted bytes to a POFile: text only, never a path, and never more strings than one request can import."""

import re
import tempfile

import polib
from django.utils.translation import gettext as _

#: Strings one admin upload may hold. An import costs a few queries per object
#: and one upsert for all strings. Measured on a shared 2-core machine under load
#: (docs/security.md): 1,980 strings completing 30 pages took 27.5 s with their
#: reviews, so the review cap below is lower, for headroom under gunicorn's 30 s.
#: `import_translations` on the command line has no cap.
MAX_ENTRIES = 2000
#: Pages and topics one admin upload may submit for review: saving each as a
#: draft and starting its workflow is the slowest step of an import (about 0.8 s
#: each on that machine).
MAX_REVIEWS = 20
#: Where each entry of a PO file starts; counted before parsing, so an oversized
#: file is refused without building thousands of entries first.
ENTRY_START = re.compile(r"^msgid\b", re.MULTILINE)


class ImportRejected(Exception):
    """The whole file was refused; `errors` lists every problem found, and nothing was changed."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def parse_po(content, *, max_entries=None):
    """A POFile from bytes or text; ImportRejected if it is not a PO file or holds more than `max_entries` strings.

    polib.pofile() takes a string that names an existing file for that file's
    name and reads it, so the content goes through a temporary file of our own
    and polib is only ever given that file's path.
    """
    if isinstance(content, str):
        content = content.encode("utf-8")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRejected([_("The file is not UTF-8 text.")]) from error
    if not text.strip():
        raise ImportRejected([_("The file is empty.")])
    if max_entries is not None and len(ENTRY_START.findall(text)) > max_entries + 1:  # + the header entry
        raise _too_many(max_entries)
    with tempfile.NamedTemporaryFile(suffix=".po") as upload:
        upload.write(content)
        upload.flush()
        try:
            po = polib.pofile(upload.name, encoding="utf-8", wrapwidth=0)
        except (OSError, ValueError) as error:
            message = str(error).replace(upload.name, _("the uploaded file"))
            raise ImportRejected([_("The file is not a valid PO file: %(error)s") % {"error": message}]) from error
    if not po.metadata and not len(po):
        raise ImportRejected([_("The file is not a valid PO file.")])
    if max_entries is not None and len(po) > max_entries:
        raise _too_many(max_entries)
    return po


def _too_many(max_entries):
    return ImportRejected(
        [
            _(
                "The file holds more than %(max)d strings, more than one upload may import. Export only the "
                "translations that are out of date, or split the file; an administrator can import any size "
                "with manage.py import_translations."
            )
            % {"max": max_entries}
        ]
    )


def too_many_reviews(max_reviews):
    return ImportRejected(
        [
            _(
                "The file completes more than %(max)d pages and topics, more than one upload may submit for review. "
                "Tick 'Only store the strings' and submit them from the translation editor, or split the file; an "
                "administrator can import any size with manage.py import_translations."
            )
            % {"max": max_reviews}
        ]
    )
