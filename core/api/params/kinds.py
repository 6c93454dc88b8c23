"""The kinds of query parameter: each knows its rule, its words for a bad value, and its OpenAPI schema."""

import dataclasses
import re
from collections.abc import Callable

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from core.api.filters import SLUG, SLUG_PROBLEM

UNKNOWN = "Unknown parameter."
REPEATED = "Give this parameter once."
EMPTY = "Give a value, or leave the parameter out."


class BadParameters(ValidationError):
    """The request's parameters, {name: [problems]}: the API answers 400 with them, widgets and feeds too."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors

    def lines(self):
        return [f"{name}: {' '.join(str(problem) for problem in problems)}" for name, problems in self.errors.items()]


@dataclasses.dataclass(kw_only=True)
class Param:
    """One query parameter: its name, its rule and its words for a bad value.

    `wording` replaces some of the kind's messages (keys of its `WORDING`); messages are format
    strings over the parameter's fields and the `value` given.
    """

    name: str = dataclasses.field(kw_only=False)
    description: str = ""
    required: bool = False
    default: object = None
    wording: dict = dataclasses.field(default_factory=dict)
    #: Whether the parameter may be given more than once (`?topic=a&topic=b`).
    many = False
    WORDING = {"missing": "Give this parameter."}

    def read(self, query):
        """This parameter's value in `query` (a QueryDict), or BadParameters.

        An empty value of an optional parameter counts as absent, where the shape check lets it through.
        """
        raw = query.get(self.name)
        if raw is None and self.required:
            raise self.refusal("missing")
        if raw is None or (raw == "" and not self.required):
            return self.default
        return self.parse(raw)

    def parse(self, raw):
        return raw

    def refusal(self, *keys, value=None):
        """BadParameters for this parameter, with the messages of `keys`."""
        fields = {**self.message_fields(), "value": value}
        return BadParameters({self.name: [self.message(key).format(**fields) for key in keys]})

    def message(self, key):
        return self.wording.get(key) or self.WORDING[key]

    def message_fields(self):
        return vars(self)

    def schema(self):
        return {"type": "string"}

    def openapi(self):
        return OpenApiParameter(self.name, self.schema(), required=self.required, description=self.description)


@dataclasses.dataclass(kw_only=True)
class Text(Param):
    """Free text up to `max_length` characters that `pattern` finds something in and `accepts` accepts.

    `strip` trims surrounding white space first; `refuse_null` refuses NUL characters, which the
    database cannot store. Too long and NUL are reported together; the pattern only of text within bounds.
    """

    max_length: int = 0
    pattern: str = ""
    accepts: Callable[[str], bool] | None = None
    strip: bool = False
    refuse_null: bool = False
    WORDING = {
        **Param.WORDING,
        "blank": EMPTY,
        "too_long": "Use at most {max_length} characters.",
        "null": "Null characters are not allowed.",
        "invalid": "Give a valid value.",
    }

    def parse(self, raw):
        value = raw.strip() if self.strip else raw
        if value == "":
            raise self.refusal("blank")
        bounds = [
            *(["too_long"] if self.max_length and len(value) > self.max_length else []),
            *(["null"] if self.refuse_null and "\x00" in value else []),
        ]
        if bounds:
            raise self.refusal(*bounds, value=value)
        if (self.pattern and not re.search(self.pattern, value)) or (self.accepts and not self.accepts(value)):
            raise self.refusal("invalid", value=value)
        return value

    def schema(self):
        schema = {"type": "string", "minLength": 1}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = self.pattern
        return schema


@dataclasses.dataclass(kw_only=True)
class Choice(Text):
    """One of `choices`. With `strict=False` another value is handed to the endpoint, which answers it."""

    choices: tuple = ()
    strict: bool = True
    WORDING = {**Text.WORDING, "invalid": "Unknown value {value!r}; use one of {listed}."}

    def message_fields(self):
        return {**vars(self), "listed": ", ".join(self.choices)}

    def parse(self, raw):
        value = super().parse(raw)
        if self.strict and value not in self.choices:
            raise self.refusal("invalid", value=value)
        return value

    def schema(self):
        return {"type": "string", "enum": sorted(self.choices)}


@dataclasses.dataclass(kw_only=True)
class Integer(Param):
    """A whole number from `minimum` to `maximum`, or the `default`."""

    minimum: int
    maximum: int
    WORDING = {
        **Param.WORDING,
        "not_a_number": "Give a whole number.",
        "too_small": "Give a number from {minimum} to {maximum}.",
        "too_large": "Give a number from {minimum} to {maximum}.",
    }

    def parse(self, raw):
        try:
            value = self.number(raw)
        except ValueError:
            raise self.refusal("not_a_number", value=raw) from None
        if value < self.minimum:
            raise self.refusal("too_small", value=value)
        if value > self.maximum:
            raise self.refusal("too_large", value=value)
        return value

    def number(self, raw):
        return int(raw)

    def schema(self):
        schema = {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}
        if self.default is not None:
            schema["default"] = self.default
        return schema


@dataclasses.dataclass(kw_only=True)
class ValueList(Param):
    """Values given repeated or comma-separated (`?type=a,b`, `?type=a&type=b`): each one of `choices`, or a slug.

    At most `max_values` values of at most `max_length` characters each, which also keeps URLs short.
    """

    choices: tuple = ()
    max_values: int = 5
    max_length: int = 100
    many = True
    WORDING = {
        **Param.WORDING,
        "too_many": "Give at most {max_values} values of at most {max_length} characters.",
        "unknown": "Unknown value {value!r}; use one of {listed}.",
        "not_a_slug": SLUG_PROBLEM,
    }

    def message_fields(self):
        return {**vars(self), "listed": ", ".join(self.choices)}

    def read(self, query):
        raw = query.getlist(self.name)
        if len(raw) > self.max_values or any(len(value) > self.max_length for value in raw):
            raise self.refusal("too_many")
        values = [item for value in raw for item in value.split(",")]
        if self.choices:
            unknown = sorted(set(values) - set(self.choices))
            if unknown:
                raise self.refusal("unknown", value=unknown[0])
        elif any(not re.fullmatch(SLUG, value) for value in values):
            raise self.refusal("not_a_slug")
        return values

    def schema(self):
        item = "(" + "|".join(re.escape(choice) for choice in self.choices) + ")" if self.choices else SLUG
        return {
            "type": "array",
            "items": {"type": "string", "pattern": f"^{item}(,{item})*$", "maxLength": self.max_length},
            "maxItems": self.max_values,
        }

    def openapi(self):
        return OpenApiParameter(self.name, self.schema(), explode=True, description=self.description)
