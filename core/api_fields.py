"""A page type's public API, declared once beside its panels (`public_api_fields` on the model).

Adding a plain field to the practice API used to take the serializer twice
(its schema field and its `represent`), the view's list columns and, for rich
text, the view's rendering list; forgetting the columns made the list answer
500. Now the model lists its public fields in order, and everything else is
derived here:

    public_api_fields = [
        PublicField("summary", listed=True),                       # in lists and the detail
        PublicField("challenge", help_text="HTML."),               # detail only; rich text rendered
        PublicField("budget", computed=True),                      # written by hand on the serializer
        PublicField("main_image", listed=True, computed=True, columns=("main_image_id", "main_image_alt")),
    ]

A plain field's schema type, its value in the answer and its list column come
from the model field; rich text is rendered (links resolved, images sized).
A computed field is written by hand on the serializer: its schema field as a
class attribute and its value by `represent_<name>(page, render)`; `columns`
names the list columns it reads.
"""

from dataclasses import dataclass

from wagtail.fields import RichTextField


@dataclass(frozen=True)
class PublicField:
    name: str
    #: In list items too; otherwise the detail only.
    listed: bool = False
    #: The schema's description (the model's help text is written for editors, not for API clients).
    help_text: str | None = None
    #: Written by hand on the serializer (`represent_<name>`), not derived from a model field.
    computed: bool = False
    #: The list columns a computed listed field reads.
    columns: tuple[str, ...] = ()


def public_fields(model, *, listed_only=False):
    """The model's declared fields, those in lists first, each group in the declared order."""
    declared = getattr(model, "public_api_fields", ())
    listed = [field for field in declared if field.listed]
    return listed if listed_only else listed + [field for field in declared if not field.listed]


def list_columns(model):
    """The `.values()` columns list items read: the declared listed fields' columns."""
    columns = []
    for field in public_fields(model, listed_only=True):
        columns.extend(field.columns if field.computed else [model._meta.get_field(field.name).attname])
    return tuple(columns)


def rich_text_fields(model):
    """Names of the declared plain fields holding rich text (rendered, so collected before rendering)."""
    return [
        field.name
        for field in public_fields(model)
        if not field.computed and isinstance(model._meta.get_field(field.name), RichTextField)
    ]
