"""The search endpoints: full-text search with facets and highlights, and title autocomplete.

`parameters` declares what each takes (checked and documented from there), `base` what both share,
`results` the search itself and `autocomplete` the suggestions for a search box.
"""

from search.views.autocomplete import AutocompleteView
from search.views.results import SearchView

__all__ = ["AutocompleteView", "SearchView"]
