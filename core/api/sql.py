"""Hand-written SQL for the small related-data queries that every API response runs.

Each is a join over indexed columns that PostgreSQL answers in about 0.3 ms,
while building and compiling the same query through the ORM (a multi-table
inheritance join, the public-tree condition, `.values()`) took about 1 ms more
in Python: measured on the benchmark data set, most of a detail response went
there. The statements are plain SQL that runs unchanged on PostgreSQL and
SQLite. Table and column names come from the models' `_meta`, and values are
converted by the same database converters the ORM would apply, so the rows are
the ones `.values()` gave (UUIDs and aware datetimes on SQLite too).
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from wagtail.models import Page

from core.api.serializers import Row

#: Page columns of every linked-page row.
LINK_FIELDS = ("id", "title", "translation_key", "locale_id", "url_path")
PAGE_TABLE = Page._meta.db_table


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def key_params(keys):
    """Translation keys as query parameters: native UUIDs on PostgreSQL, hex strings on SQLite."""
    field = Page._meta.get_field("translation_key")
    return [field.get_db_prep_value(key, connection) for key in keys]


def visible(tree, alias):
    """(SQL, params): the page `alias` is public, as `PublicTree.visible_q()` says for the ORM."""
    sql = [f"{alias}.live = %s"]
    params = [True]
    for prefix in tree.hidden_prefixes:
        # Tree paths are digits and capital letters: no LIKE wildcard can occur in them.
        sql.append(f"{alias}.path NOT LIKE %s")
        params.append(prefix + "%")
    return " AND ".join(sql), params


def _converter(model, name):
    """The function turning a raw column value of `model.name` into what the ORM would return."""
    field = model._meta.get_field(name)
    column = field.get_col(model._meta.db_table)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    if not converters:
        return None

    def convert(value):
        for converter in converters:
            value = converter(value, column, connection)
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
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
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
            (name, convert) for name, owner in zip(fields, owners, strict=True) if (convert := _converter(owner, name))
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
    keys = list(keys)
    return page_columns.rows(
        f"SELECT {page_columns.sql} FROM {PAGE_TABLE} p "
        f"WHERE p.translation_key IN ({placeholders(keys)}) AND {condition} ORDER BY p.locale_id",
        [*key_params(keys), *params],
    )


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
    rows = model_columns.rows(
        f"SELECT {model_columns.sql} FROM {PAGE_TABLE} p {model_columns.join} "
        f"WHERE p.translation_key IN ({placeholders(keys)}) AND p.locale_id = %s AND {condition}",
        [*key_params(keys), locale_id, *params],
    )
    return {row["translation_key"]: Row(**row) for row in rows}


def linked_rows(link_model, owner, target, model, locale_id, tree, *, owner_ids=(), owner_key=None, extra_fields=()):
    """[(owner page id, Row)] of the pages that `link_model` rows link to, localised into `locale_id`.

    A link row's `owner` field names the page that holds it and `target` the
    linked page (of `model`). The owners are given by id, or by translation key
    (every translation of a page, for links kept on the other side). Targets
    are matched by translation key, so a link to the source-language page finds
    its public version in the requested locale, in one query; rows keep the
    links' order.
    """
    if not owner_ids and owner_key is None:
        return []
    meta = link_model._meta
    owner_column = meta.get_field(owner).column
    target_column = meta.get_field(target).column
    link_columns = columns(model, tuple(extra_fields), ("owner_id",))
    condition, params = visible(tree, "p")
    if owner_key is None:
        owner_ids = list(owner_ids)
        owners_join, owners_sql, owners_params = "", f"l.{owner_column} IN ({placeholders(owner_ids)})", owner_ids
    else:
        owners_join = f"JOIN {PAGE_TABLE} o ON o.id = l.{owner_column} "
        owners_sql, owners_params = "o.translation_key = %s", key_params([owner_key])
    ordering = [field for field in ("sort_order", "id") if any(f.name == field for f in meta.concrete_fields)]
    rows = link_columns.rows(
        f"SELECT l.{owner_column}, {link_columns.sql} FROM {meta.db_table} l {owners_join}"
        f"JOIN {PAGE_TABLE} s ON s.id = l.{target_column} "
        f"JOIN {PAGE_TABLE} p ON p.translation_key = s.translation_key {link_columns.join} "
        f"WHERE {owners_sql} AND p.locale_id = %s AND {condition} "
        f"ORDER BY {', '.join(f'l.{meta.get_field(name).column}' for name in ordering)}",
        [*owners_params, locale_id, *params],
    )
    return [(row.pop("owner_id"), Row(**row)) for row in rows]
