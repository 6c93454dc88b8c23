"""The offline round trip: one PO file per locale out, translated strings back in.

Each entry's `msgctxt` names the source object and field, e.g.
`practices.PracticePage:42 summary`, which is also how an import finds the
string again. An extracted comment keeps a hash of the translation the file
was made with, so an import notices strings that someone changed in the admin
in the meantime and leaves them alone (with a warning) instead of overwriting
them. Machine translations are exported filled in and marked `fuzzy`, the PO
way of saying "check me": removing the mark confirms them.

Imports are all or nothing: a malformed file, the wrong language or a string
that names nothing we know rejects the whole file before anything is written.
Uploads are untrusted: the bytes are parsed as PO text and never taken for a
file name (polib reads a string that names an existing file from disk), a
string names only objects being translated into the file's language, with one
answer for anything else so that an error never tells whether an object
exists, and an admin upload holds at most `MAX_ENTRIES` strings and submits
at most `MAX_REVIEWS` pages and topics for review, so that the request ends
well within the server's timeout.
"""

from translation.po.exporting import export_po
from translation.po.importing import ImportResult, import_po
from translation.po.parsing import MAX_ENTRIES, MAX_REVIEWS, ImportRejected, parse_po

__all__ = ["MAX_ENTRIES", "MAX_REVIEWS", "ImportRejected", "ImportResult", "export_po", "import_po", "parse_po"]
