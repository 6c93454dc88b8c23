"""Hand-written SQL for the small related-data queries that every API response runs.

Each is a join over indexed columns that PostgreSQL answers in about 0.3 ms,
while building and compiling the same query through the ORM (a multi-table
inheritance join, the public-tree condition, `.values()`) took about 1 ms more
in Python: measured on the benchmark data set, most of a detail response went
there. Table and column names come from the models' `_meta`, and values are
converted by the same database converters the ORM would apply, so the rows are
the ones `.values()` gave (UUIDs and aware datetimes on SQLite too).

On PostgreSQL the statements are also prepared on a connection that runs
them again (see `execute()`): each has one text whatever the number of ids, keys or hidden
subtrees, because lists travel as one array parameter. What remained of these
queries' cost was mostly PostgreSQL *planning* them (0.15 to 0.6 ms each,
against well under 0.1 ms of execution); a prepared statement is planned once.
SQLite runs the same statements with the lists spelt out as IN (...).

The two ORM queries on every response's path, a detail's page and an
unfiltered list's page of rows, are compiled by the ORM once and then run the
same way (`InstanceStatement`, `ListStatement`).
"""

import functools

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from wagtail.models import Page

from core.api.serializers import Row
from core.api.tree import PublicTree

#: Page columns of every linked-page row.
LINK_FIELDS = ("id", "title", "translation_key", "locale_id", "url_path")
PAGE_TABLE = Page._meta.db_table
#: Statements prepared on one connection at most; beyond it they run unprepared (the set is bounded by
#: the module's query shapes anyway, this only guards against an unforeseen source of varying text).
MAX_PREPARED = 200


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def prepares():
    return connection.vendor == "postgresql" and settings.DATABASE_PREPARED_STATEMENTS


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
        execute(cursor, sql, params)
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def execute(cursor, sql, params):
    """Run `sql` as a statement prepared on this connection where statements are prepared.

    The second time a connection runs a statement it PREPAREs it (through the
    driver's own cursor, so query logs and counts show one query per use, as
    before); every use from then on is an EXECUTE with the parameters. The
    first use runs plain, so a connection that lives for one request
    (CONN_MAX_AGE=0) never pays for a PREPARE it would not reuse. psycopg2 has
    no prepared statements of its own, hence SQL-level PREPARE. Prepared
    statements survive rollbacks and live as long as the connection, which is
    why they are tracked per driver connection; they do not survive a pooler in
    transaction mode, where DATABASE_PREPARED_STATEMENTS=false turns them off.
    """
    if not prepares():
        cursor.execute(sql, params)
        return
    raw = connection.connection
    kept = getattr(connection, "a4b_prepared", None)
    if kept is None or kept[0] is not raw:
        kept = (raw, {}, set())
        connection.a4b_prepared = kept
    _raw, statements, seen = kept
    name = statements.get(sql)
    if name is None:
        # A literal percent sign (%%) would need unescaping in the PREPARE text; none of ours has one.
        if sql not in seen or len(statements) >= MAX_PREPARED or "%%" in sql:
            if len(seen) < MAX_PREPARED:
                seen.add(sql)
            cursor.execute(sql, params)
            return
        name = f"a4b_{len(statements)}"
        numbered = sql.split("%s")
        text = numbered[0] + "".join(f"${number}{rest}" for number, rest in enumerate(numbered[1:], start=1))
        with connection.wrap_database_errors:
            cursor.cursor.execute(f"PREPARE {name} AS {text}")
        statements[sql] = name
    cursor.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}", params)


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
    keyed, key_values = one_of("p.translation_key", key_params(keys))
    return page_columns.rows(
        f"SELECT {page_columns.sql} FROM {PAGE_TABLE} p WHERE {keyed} AND {condition} ORDER BY p.locale_id",
        [*key_values, *params],
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
    keyed, key_values = one_of("p.translation_key", key_params(keys))
    rows = model_columns.rows(
        f"SELECT {model_columns.sql} FROM {PAGE_TABLE} p {model_columns.join} "
        f"WHERE {keyed} AND p.locale_id = %s AND {condition}",
        [*key_values, locale_id, *params],
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
        owners_join = ""
        owners_sql, owners_params = one_of(f"l.{owner_column}", owner_ids)
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


def draft_linked_rows(owner_id, links, target, model, locale_id, tree, extra_fields=()):
    """[(owner id, Row)] as `linked_rows()` gives them, for the in-memory `links` of a draft (a preview).

    A draft's inline lists live in its revision, not in the link tables, which
    hold the published page's; a preview must show what the draft links to.
    The targets are localised and filtered exactly as `linked_rows()` does.
    """
    target_ids = [getattr(link, f"{target}_id") for link in links]
    keys = dict(model.objects.filter(pk__in=target_ids).values_list("pk", "translation_key"))
    localized = localized_rows(model, keys.values(), locale_id, tree, extra_fields)
    return [(owner_id, localized[keys[pk]]) for pk in target_ids if keys.get(pk) in localized]


def _convert_row(row, converters):
    """Apply a compiler's converters ({position: (converters, expression)}) to one raw row, in place."""
    for position, (functions, expression) in converters.items():
        for convert in functions:
            row[position] = convert(row[position], expression, connection)
    return row


class InstanceStatement:
    """The ORM's own SELECT of one `model` instance by primary key, compiled once and run prepared.

    A detail loads its page with every column of a multi-table inheritance
    join; compiling that query (about 60 columns) cost more than running it.
    The rows become instances exactly as the ORM's model iterator makes them:
    the compiler's converters, then `Model.from_db()`, then the annotations.
    """

    #: A primary key no row has: marks which of the compiled query's parameters is the key.
    PROBE = -7_340_033

    def __init__(self, model, annotations):
        queryset = model.objects.annotate(**annotations).filter(pk=self.PROBE).order_by()
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.key_position = self.params.index(self.PROBE)
        self.model, self.db = model, queryset.db
        selected = [column for column, _sql, _alias in compiler.select]
        fields = compiler.klass_info["select_fields"]
        self.model_columns = slice(fields[0], fields[-1] + 1)
        self.attnames = [column.target.attname for column in selected[self.model_columns]]
        self.annotations = dict(compiler.annotation_col_map)
        self.converters = compiler.get_converters(selected)

    def get(self, pk):
        """The instance with this primary key, or None."""
        params = list(self.params)
        params[self.key_position] = pk
        with connection.cursor() as cursor:
            execute(cursor, self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        row = _convert_row(list(row), self.converters)
        instance = self.model.from_db(self.db, self.attnames, row[self.model_columns])
        for name, position in self.annotations.items():
            setattr(instance, name, row[position])
        return instance


_instance_statements = {}


def instance_by_id(model, pk, annotations=None):
    """The `model` instance with primary key `pk` (annotated), or None; see InstanceStatement."""
    annotations = annotations or {}
    key = (connection.vendor, model, tuple(annotations))
    statement = _instance_statements.get(key)
    if statement is None:
        statement = _instance_statements[key] = InstanceStatement(model, annotations)
    return statement.get(pk)


class ListStatement:
    """The ORM's query of an unfiltered page list, compiled once per shape and run prepared, paged by parameters.

    Building and compiling a list's queryset (the public-tree condition, the
    multi-table join, `.values()`, the ordering) cost about as much Python as
    rendering its twenty items, on every request, and its SQL carried the
    page's LIMIT and OFFSET as literals, so PostgreSQL planned it afresh each
    time. `build(tree, locale_id)` gives the `.values()` queryset; it is
    compiled with probe values standing in for the public tree's hidden
    subtrees, its homes' locales and the requested locale, whose places among
    the parameters are then filled with the real ones, and LIMIT and OFFSET
    are parameters too. The rows are what `.values()` gives: the compiler's
    converters, then the names in `.values()` order.
    """

    #: Locale ids and tree paths no row has: they mark where the real values go among the parameters.
    PROBE_LOCALE = -7_340_033
    PROBE_PATH = "A4BPROBE{}Z"

    def __init__(self, build, hidden_count, home_count):
        homes = {self.PROBE_LOCALE - 1 - number: "/" for number in range(home_count)}
        probe_tree = PublicTree(
            hidden_prefixes=tuple(self.PROBE_PATH.format(number) for number in range(hidden_count)), home_paths=homes
        )
        queryset = build(probe_tree, self.PROBE_LOCALE)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        self.sql = f"{sql} LIMIT %s OFFSET %s"
        self.params = list(params)
        self.locale_positions = [i for i, value in enumerate(self.params) if value == self.PROBE_LOCALE]
        self.home_positions = [i for i, value in enumerate(self.params) if value in homes]
        self.path_positions = [
            (i, number)
            for number in range(hidden_count)
            for i, value in enumerate(self.params)
            if isinstance(value, str) and self.PROBE_PATH.format(number) in value
        ]
        if (
            not self.locale_positions
            or len(self.home_positions) != home_count
            or len(self.path_positions) != hidden_count
        ):
            raise ValueError("A probe value was not found once among the compiled parameters.")
        query = queryset.query
        self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])

    def rows(self, tree, locale_id, offset, limit):
        """The `.values()` dicts of one page of the list, as `build(tree, locale_id)[offset:offset + limit]`."""
        params = list(self.params)
        for position in self.locale_positions:
            params[position] = locale_id
        for position, home_locale_id in zip(self.home_positions, tree.home_paths, strict=True):
            params[position] = home_locale_id
        for position, number in self.path_positions:
            # Tree paths are digits and capital letters: no LIKE wildcard to escape, as in visible().
            params[position] = params[position].replace(self.PROBE_PATH.format(number), tree.hidden_prefixes[number])
        with connection.cursor() as cursor:
            execute(cursor, self.sql, [*params, limit, offset])
            found = cursor.fetchall()
        return [dict(zip(self.names, _convert_row(list(row), self.converters), strict=True)) for row in found]


_list_statements = {}


class ListRows:
    """What the paginator slices for an unfiltered list: counts through the ORM, pages through a ListStatement.

    The count is asked only when the paginator's per-version count cache
    misses, so the ORM queryset is built only then.
    """

    def __init__(self, shape, build, tree, locale_id):
        self.build, self.tree, self.locale_id = build, tree, locale_id
        self.key = (connection.vendor, shape, len(tree.hidden_prefixes), len(tree.home_paths))

    def count(self):
        return self.build(self.tree, self.locale_id).count()

    def __getitem__(self, window):
        if not self.tree.home_paths:  # no home in any locale: nothing is public, and `IN ()` cannot be compiled
            return []
        statement = _list_statements.get(self.key)
        if statement is None:
            statement = _list_statements[self.key] = ListStatement(
                self.build, len(self.tree.hidden_prefixes), len(self.tree.home_paths)
            )
        return statement.rows(self.tree, self.locale_id, window.start, window.stop - window.start)
