"""Hand-written SQL for the small related-data queries that every API response runs.

Each is a join over indexed columns that PostgreSQL answers in about 0.3 ms,
while building and compiling the same query through the ORM (a multi-table
inheritance join, the public-tree condition, `.values()`) took about 1 ms more
in Python: measured on the benchmark data set, most of a detail response went
there. On PostgreSQL the statements are also prepared on a connection that
runs them again; SQLite runs the same statements with lists spelt out as
IN (...).

- `rows`: the columns, conditions and row reader; public pages by translation key;
- `links`: what pages link to through their inline lists, published or in a draft;
- `statements`: the ORM's own queries of a detail and of a list (what a list reads, as data), compiled once;
- `prepared`: statements prepared once per connection.
"""

from core.api.sql.links import linked_rows
from core.api.sql.rows import LINK_FIELDS, localized_rows, translation_rows, translations_of
from core.api.sql.statements import ListQuery, ListRows, ListStatement, instance_by_id

__all__ = [
    "LINK_FIELDS",
    "ListQuery",
    "ListRows",
    "ListStatement",
    "instance_by_id",
    "linked_rows",
    "localized_rows",
    "translation_rows",
    "translations_of",
]
