"""Good practices, modelled on the Interreg Europe good-practice record, and their topics.

One module a concern: `topics` (the Topic snippet), `choices` (the fixed lists), `pages`
(the catalogue and the practice), `links` (a practice's topics and institutions, edited
inline). Everything is importable from here.
"""

from practices.models.choices import Agglomeration, Currency, FundingSource
from practices.models.links import PracticeInstitution, PracticeTopic
from practices.models.pages import PracticeIndexPage, PracticePage
from practices.models.topics import Topic

__all__ = [
    "Agglomeration",
    "Currency",
    "FundingSource",
    "PracticeIndexPage",
    "PracticeInstitution",
    "PracticePage",
    "PracticeTopic",
    "Topic",
]
