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

The same declaration says what site search reads: `search="body"` (or "title",
"summary") puts the field's text in that part of the page's search entry, which
ranks title above summary above body; `search_order` places it within the part
(a result's snippet and a partner's shown summary read the body in that order).
`search.indexing` derives each entry from it, and the model's Wagtail
`search_fields` take the same fields through `wagtail_search_fields`, so a
searchable rich-text field is one line too:

    PublicField("lessons", help_text="HTML.", search="body"),
"""

from dataclasses import dataclass

from wagtail.fields import RichTextField
from wagtail.search import index

#: The parts of a search entry, in the order search ranks them.
SEARCH_PARTS = ("title", "summary", "body")


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
    #: The part of the page's search entry its text goes into (one of SEARCH_PARTS), or None: not searched.
    search: str | None = None
    #: Its place within that part, lowest first; fields with the same place keep their declared order.
    search_order: int = 0

    def __post_init__(self):
        # A misspelt part would leave the field silently out of search.
        if self.search is not None and self.search not in SEARCH_PARTS:
            raise ValueError(f"{self.name}: search must be one of {SEARCH_PARTS}, not {self.search!r}")


def public_fields(model, *, listed_only=False):
    """The model's declared fields, those in lists first, each group in the declared order."""
    declared = getattr(model, "public_api_fields", ())
    listed = [field for field in declared if field.listed]
    return listed if listed_only else listed + [field for field in declared if not field.listed]


def list_columns(model):
    """The `.values()` columns list items read: the declared listed fields' columns, each once.

    A computed field may read a column a plain field lists too (an event's `registration` reads
    `registration_deadline`); the database selects it once, so it is named once.
    """
    columns = []
    for field in public_fields(model, listed_only=True):
        columns.extend(field.columns if field.computed else [model._meta.get_field(field.name).attname])
    return tuple(dict.fromkeys(columns))


def rich_text_fields(model):
    """Names of the declared plain fields holding rich text (rendered, so collected before rendering)."""
    return [
        field.name
        for field in public_fields(model)
        if not field.computed and isinstance(model._meta.get_field(field.name), RichTextField)
    ]


def searched_fields(model, part):
    """Names of the declared fields whose text goes into `part` of a search entry, in their search order."""
    declared = [field for field in getattr(model, "public_api_fields", ()) if field.search == part]
    return [field.name for field in sorted(declared, key=lambda field: field.search_order)]


def wagtail_search_fields(declared):
    """Wagtail's `search_fields` entries for the searchable fields of a declaration (Wagtail's own index).

    The site search is `search/`; Wagtail's index serves `Page.objects.search()`. The admin's page
    search reads titles only (autocomplete), so these entries change nothing editors see today.
    """
    return [index.SearchField(field.name) for field in declared if field.search]
