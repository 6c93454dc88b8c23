"""Rows of public pages by translation key, read with hand-written SQL: the columns, the conditions, the reader.

Table and column names come from the models' `_meta`, and values are
converted by the same database converters the ORM would apply, so the rows are
the ones `.values()` gave (UUIDs and aware datetimes on SQLite too).
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, connections
from wagtail.models import Page

from core.api.serializers import Row
from core.api.sql.prepared import execute, prepares
from core.replicas import read_database

#: Page columns of every linked-page row.
LINK_FIELDS = ("id", "title", "translation_key", "locale_id", "url_path")
PAGE_TABLE = Page._meta.db_table


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def one_of(column, values):
    """(SQL, params): `column` is one of `values`, as one array parameter where statements are prepared."""
    values = list(values)
    if prepares():
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({placeholders(values)})", values


def key_params(keys):
    """Translation keys as query parameters: native UUIDs on PostgreSQL, hex strings on SQLite."""
    field = Page._meta.get_field("translation_key")
    return [field.get_db_prep_value(key, connection) for key in keys]


def visible(tree, alias):
    """(SQL, params): the page `alias` is public, as `PublicTree.visible_q()` says for the ORM."""
    # Tree paths are digits and capital letters: no LIKE wildcard can occur in them.
    patterns = [prefix + "%" for prefix in tree.hidden_prefixes]
    if prepares():
        return f"{alias}.live = %s AND {alias}.path NOT LIKE ALL(%s::text[])", [True, patterns]
    sql = [f"{alias}.live = %s", *(f"{alias}.path NOT LIKE %s" for _ in patterns)]
    return " AND ".join(sql), [True, *patterns]


def converter(model, name):
    """The function turning a raw column value of `model.name` into what the ORM would return, or None."""
    field = model._meta.get_field(name)
    column = field.get_col(model._meta.db_table)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    if not converters:
        return None

    def convert(value):
        for convert_one in converters:
            value = convert_one(value, column, connection)
        return value

    return convert


def _is_page_field(name):
    try:
        Page._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def fetch(sql, params, names):
    """Rows of a query as dicts keyed by `names`, for columns that need no conversion (ids, text)."""
    with connections[read_database()].cursor() as cursor:
        execute(cursor, sql, params)
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


class Columns:
    """A SELECT list of page columns (`p`) and columns of the page's own model (`m`), and its row reader."""

    def __init__(self, model, extra_fields=(), leading=()):
        fields = list(dict.fromkeys((*LINK_FIELDS, *extra_fields)))
        self.names = [*leading, *fields]
        owners = [Page if _is_page_field(name) else model for name in fields]
        self.sql = ", ".join(
            f"{'p' if owner is Page else 'm'}.{owner._meta.get_field(name).column}"
            for name, owner in zip(fields, owners, strict=True)
        )
        meta = model._meta
        self.join = "" if model is Page else f"JOIN {meta.db_table} m ON m.{meta.pk.column} = p.{Page._meta.pk.column}"
        self.converters = [
            (name, convert) for name, owner in zip(fields, owners, strict=True) if (convert := converter(owner, name))
        ]

    def rows(self, sql, params):
        found = fetch(sql, params, self.names)
        for row in found:
            for name, convert in self.converters:
                row[name] = convert(row[name])
        return found


@functools.cache
def columns(model, extra_fields=(), leading=()):
    """The Columns of one shape, built once: their converters are looked up from the models' fields."""
    return Columns(model, extra_fields, leading)


def translation_rows(keys, tree):
    """The public pages of these translation keys, in any locale: dicts of id, translation_key, locale_id, url_path."""
    page_columns = columns(Page)
    condition, params = visible(tree, "p")
    keyed, key_values = one_of("p.translation_key", key_params(keys))
    return page_columns.rows(
        f"SELECT {page_columns.sql} FROM {PAGE_TABLE} p WHERE {keyed} AND {condition} ORDER BY p.locale_id",
        [*key_values, *params],
    )


def translations_of(pages, tree):
    """translation_key -> visible pages sharing it (id, locale_id, url_path), in one query: an item's `translations`."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    grouped = {}
    for row in translation_rows(keys, tree):
        if row["locale_id"] in tree.home_paths:
            grouped.setdefault(row["translation_key"], []).append(row)
    return grouped


def localized_rows(model, translation_keys, locale_id, tree, extra_fields=()):
    """translation_key -> Row of the public `model` page with that key in `locale_id`, in one query.

    Links between pages are synchronised from the source language, so they
    point at the source page; this finds each target's version in the
    requested locale, and drops targets that are not public there.
    """
    keys = list({key for key in translation_keys if key is not None})
    if not keys:
        return {}
    model_columns = columns(model, tuple(extra_fields))
    condition, params = visible(tree, "p")
    keyed, key_values = one_of("p.translation_key", key_params(keys))
    rows = model_columns.rows(
        f"SELECT {model_columns.sql} FROM {PAGE_TABLE} p {model_columns.join} "
        f"WHERE {keyed} AND p.locale_id = %s AND {condition}",
        [*key_values, locale_id, *params],
    )
    return {row["translation_key"]: Row(**row) for row in rows}
