"""One endpoint's parameters: the shape check every endpoint shares, reading values, and the schema."""

import django_filters
from drf_spectacular.openapi import AutoSchema

from core.api.filters import SlugListFilter
from core.api.params.kinds import EMPTY, REPEATED, UNKNOWN, BadParameters
from core.api.tree import public_pages


class Parameters:
    """What one endpoint takes: its own parameters, in the order it reads them, and its FilterSet's `filters`.

    `others` says what becomes of a parameter not declared (`"refused"`, or `"ignored"` where clients
    add their own, as oEmbed consumers do); `empty_values="read"` hands an empty value to its kind
    instead of refusing it.
    """

    def __init__(self, *declared, filterset=None, filters=None, others="refused", empty_values="refused"):
        self.declared = {param.name: param for param in declared}
        self.filterset = filterset
        self.filters = () if filterset is None else tuple(filterset.base_filters if filters is None else filters)
        self.others = others
        self.empty_values = empty_values
        self.taken = {*self.declared, *self.filters}
        self.repeatable = {param.name for param in self if param.many} | {
            name
            for name in self.filters
            if isinstance(filterset.base_filters[name], django_filters.MultipleChoiceFilter | SlugListFilter)
        }

    def __iter__(self):
        return iter(self.declared.values())

    def __getitem__(self, name):
        return self.declared[name]

    def plus(self, *declared, filterset=None):
        """These parameters and more: a view's own, with its paginator's and its FilterSet's when it lists."""
        return Parameters(
            *self,
            *declared,
            filterset=filterset or self.filterset,
            filters=None if filterset else self.filters,
            others=self.others,
            empty_values=self.empty_values,
        )

    def check_shape(self, query):
        """Refuse names not taken, single values given twice and empty values, all reported at once."""
        problems = {}
        for name, values in query.lists():
            if name not in self.taken:
                if self.others == "refused":
                    problems[name] = [UNKNOWN]
            elif len(values) > 1 and name not in self.repeatable:
                problems[name] = [REPEATED]
            elif self.empty_values == "refused" and "" in values:
                problems[name] = [EMPTY]
        if problems:
            raise BadParameters(dict(sorted(problems.items())))

    def read(self, query, name):
        """The value of one declared parameter, or BadParameters naming it."""
        return self.declared[name].read(query)

    def read_all(self, query):
        """{name: value} of every declared parameter, or BadParameters naming each bad one, in declared order."""
        values, problems = {}, {}
        for param in self:
            try:
                values[param.name] = param.read(query)
            except BadParameters as refused:
                problems.update(refused.errors)
        if problems:
            raise BadParameters(problems)
        return values

    def filtered_pages(self, model, query, *, tree, locale_id):
        """Public `model` pages of one locale narrowed by this endpoint's filters found in `query`."""
        data = query.copy()
        for name in list(data):
            if name not in self.filters or name == "locale":
                del data[name]
        filterset = self.filterset(data=data, queryset=public_pages(model, tree).filter(locale_id=locale_id))
        if not filterset.is_valid():
            raise BadParameters({name: list(problems) for name, problems in sorted(filterset.errors.items())})
        return filterset.qs

    def openapi(self):
        return [param.openapi() for param in self]


NO_PARAMETERS = Parameters()


class DeclaredParametersSchema(AutoSchema):
    """Documents the parameters a view declares in `query_parameters`, besides its FilterSet's and paginator's."""

    def get_override_parameters(self):
        return [*self.view.query_parameters.openapi(), *super().get_override_parameters()]
