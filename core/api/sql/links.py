"""Rows of what pages link to through their inline lists: from the link tables, or from a draft's own links.

A draft's inline lists live in its revision, not in the link tables, which
hold the published page's; a preview must show what the draft links to. Each
`draft_*` function gives what its published counterpart gives, from the
draft's in-memory links, filtered the same way.
"""

import functools

from core.api.serializers import Row
from core.api.sql.rows import PAGE_TABLE, columns, converter, fetch, key_params, localized_rows, one_of, visible


def _link_order(meta):
    """ORDER BY of link rows: the editors' order where the links are orderable, then creation."""
    ordering = [field for field in ("sort_order", "id") if any(f.name == field for f in meta.concrete_fields)]
    return ", ".join(f"l.{meta.get_field(name).column}" for name in ordering)


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
        owners_join = ""
        owners_sql, owners_params = one_of(f"l.{owner_column}", owner_ids)
    else:
        owners_join = f"JOIN {PAGE_TABLE} o ON o.id = l.{owner_column} "
        owners_sql, owners_params = "o.translation_key = %s", key_params([owner_key])
    rows = link_columns.rows(
        f"SELECT l.{owner_column}, {link_columns.sql} FROM {meta.db_table} l {owners_join}"
        f"JOIN {PAGE_TABLE} s ON s.id = l.{target_column} "
        f"JOIN {PAGE_TABLE} p ON p.translation_key = s.translation_key {link_columns.join} "
        f"WHERE {owners_sql} AND p.locale_id = %s AND {condition} "
        f"ORDER BY {_link_order(meta)}",
        [*owners_params, locale_id, *params],
    )
    return [(row.pop("owner_id"), Row(**row)) for row in rows]


def draft_linked_rows(owner_id, links, target, model, locale_id, tree, extra_fields=()):
    """[(owner id, Row)] as `linked_rows()` gives them, for the in-memory `links` of a draft (a preview)."""
    target_ids = [getattr(link, f"{target}_id") for link in links]
    keys = dict(model.objects.filter(pk__in=target_ids).values_list("pk", "translation_key"))
    localized = localized_rows(model, keys.values(), locale_id, tree, extra_fields)
    return [(owner_id, localized[keys[pk]]) for pk in target_ids if keys.get(pk) in localized]


@functools.cache
def _snippet_converters(model, fields):
    return [(name, convert) for name in fields if (convert := converter(model, name))]


def snippet_rows(link_model, owner, target, model, owner_ids, fields):
    """[(owner page id, Row of `id` and `fields`)] of the live `model` snippets `link_model` rows link to, in order.

    `model` has a draft state (`live`); a snippet not published is left out.
    """
    if not owner_ids:
        return []
    meta, snippets = link_model._meta, model._meta
    names = ("id", *fields)
    selected = ", ".join(f"t.{snippets.get_field(name).column}" for name in names)
    owned, params = one_of(f"l.{meta.get_field(owner).column}", owner_ids)
    rows = fetch(
        f"SELECT l.{meta.get_field(owner).column}, {selected} FROM {meta.db_table} l "
        f"JOIN {snippets.db_table} t ON t.{snippets.pk.column} = l.{meta.get_field(target).column} "
        f"WHERE {owned} AND t.{snippets.get_field('live').column} = %s ORDER BY {_link_order(meta)}",
        [*params, True],
        ("owner_id", *names),
    )
    converters = _snippet_converters(model, tuple(fields))
    for row in rows:
        for name, convert in converters:
            row[name] = convert(row[name])
    return [(row.pop("owner_id"), Row(**row)) for row in rows]


def draft_snippet_rows(owner_id, links, target, model, fields):
    """[(owner id, Row)] as `snippet_rows()` gives them, for the in-memory `links` of a draft (a preview)."""
    target_ids = [getattr(link, f"{target}_id") for link in links]
    found = {row["id"]: row for row in model.objects.filter(pk__in=target_ids, live=True).values("id", *fields)}
    return [(owner_id, Row(**found[pk])) for pk in target_ids if pk in found]
