"""The two ORM queries on every response's path, compiled by the ORM once and then run prepared.

A detail's page (`InstanceStatement`) and an unfiltered list's page of rows
(`ListStatement`, sliced through `ListRows`): building and compiling them cost
more Python than running them, on every request. What a list reads is handed
over as data (`ListQuery`), so this package never calls back into a view.
"""

from dataclasses import dataclass, field

from django.db import connection, connections

from core.api.sql.prepared import execute
from core.api.tree import PublicTree, public_pages
from core.replicas import read_database


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
        alias = read_database(self.model)
        with connections[alias].cursor() as cursor:
            execute(cursor, self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        row = _convert_row(list(row), self.converters)
        instance = self.model.from_db(alias, self.attnames, row[self.model_columns])
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
        with connections[read_database()].cursor() as cursor:
            execute(cursor, self.sql, [*params, limit, offset])
            found = cursor.fetchall()
        return [dict(zip(self.names, _convert_row(list(row), self.converters), strict=True)) for row in found]


@dataclass(frozen=True, eq=False)
class ListQuery:
    """What one page type's list reads: its public pages of a locale, in the list's order, as `.values()` rows.

    A view class declares it once, from its model, `ordering`, `list_fields` and
    `list_annotations` (`PublicPageViewSet.list_query`). It is compared by
    identity: each one's list statement is compiled once per process.
    """

    model: type
    #: The list's default order (`order_by()` arguments); empty: the model's own.
    ordering: tuple = ()
    #: The `.values()` columns of a list item.
    fields: tuple = ()
    #: Columns computed by the database for each item, e.g. `{"organiser_key": F("organiser__translation_key")}`.
    annotations: dict = field(default_factory=dict)

    def ordered(self, pages):
        return pages.order_by(*self.ordering) if self.ordering else pages

    def pages(self, tree, locale_id):
        """The public pages of one locale, in the list's order: what a list's filters narrow."""
        return self.ordered(public_pages(self.model, tree).filter(locale_id=locale_id))

    def rows(self, pages):
        """List items are read as `.values()` rows, not model instances."""
        return pages.values(*self.fields, **self.annotations)

    def build(self, tree, locale_id):
        """The `.values()` rows of the unfiltered list: the query a ListStatement compiles."""
        return self.rows(self.pages(tree, locale_id))


_list_statements = {}


class ListRows:
    """What the paginator slices for an unfiltered list: counts through the ORM, pages through a ListStatement.

    The count is asked only when the paginator's per-version count cache
    misses, so the ORM queryset is built only then.
    """

    def __init__(self, query, tree, locale_id):
        self.query, self.tree, self.locale_id = query, tree, locale_id
        self.key = (connection.vendor, query, len(tree.hidden_prefixes), len(tree.home_paths))

    def count(self):
        return self.query.build(self.tree, self.locale_id).count()

    def __getitem__(self, window):
        if not self.tree.home_paths:  # no home in any locale: nothing is public, and `IN ()` cannot be compiled
            return []
        statement = _list_statements.get(self.key)
        if statement is None:
            statement = _list_statements[self.key] = ListStatement(
                self.query.build, len(self.tree.hidden_prefixes), len(self.tree.home_paths)
            )
        return statement.rows(self.tree, self.locale_id, window.start, window.stop - window.start)
