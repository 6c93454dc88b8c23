"""The form a validator fills in when approving: scores on the stated criteria and a short public opinion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from validation.models import CRITERIA

SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


def _score(criterion):
    return forms.TypedChoiceField(
        label=CRITERIA[criterion], choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )


class OpinionForm(forms.Form):
    relevance = _score("relevance")
    evidence = _score("evidence")
    transferability = _score("transferability")
    participation = _score("participation")
    opinion = forms.CharField(
        label=_("Public opinion"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published on the practice with your name once it is validated and published."),
    )
