"""Query parameters, declared once per endpoint: the same declaration checks a request and documents it.

An endpoint lists its parameters in a `Parameters`, each of a kind (`Text`, `Integer`, `Choice`,
`ValueList`), together with the FilterSet whose filters it takes. The API's views, geo, oEmbed,
search, widgets and feeds all check a request in the same two steps:

1. the shape of the query string, every parameter at once (`check_shape`): a name the endpoint does
   not take, a single-value parameter given twice, an empty value;
2. each value, when the endpoint reads it (`read`), in the order it needs them, so the first bad one
   is reported (the language before a topic's slug), or all at once (`read_all`).

Either way a refusal is `BadParameters({name: [problems]})`, a DRF ValidationError: the API answers
it as its 400 JSON naming the parameter, widgets and feeds in their own formats. `openapi()` gives
the schema's parameters from the same declaration, so a parameter's rule is written once.
"""

from core.api.params.declaration import NO_PARAMETERS, DeclaredParametersSchema, Parameters
from core.api.params.kinds import BadParameters, Choice, Integer, Param, Text, ValueList
from core.api.params.languages import LOCALE, UnknownLocale, check_language, locale_id_for, locale_id_of

__all__ = [
    "LOCALE",
    "NO_PARAMETERS",
    "BadParameters",
    "Choice",
    "DeclaredParametersSchema",
    "Integer",
    "Param",
    "Parameters",
    "Text",
    "UnknownLocale",
    "ValueList",
    "check_language",
    "locale_id_for",
    "locale_id_of",
]
