"""Good practices, modelled on the Interreg Europe good-practice record, and their topics.

One module a concern: `topics` (the Topic snippet), `choices` (the fixed lists), `pages`
(the catalogue, the practice and its inline links). Everything is importable from here.
"""

from practices.models.choices import Agglomeration, Currency, FundingSource
from practices.models.pages import PracticeIndexPage, PracticeInstitution, PracticePage, PracticeTopic
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
