"""The fixed lists a practice is described with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Agglomeration(models.TextChoices):
    OPOLE = "opole", _("Opole Agglomeration")
    OLOMOUC = "olomouc", _("Olomouc Agglomeration")
    CROSS_BORDER = "cross_border", _("Cross-border")


class FundingSource(models.TextChoices):
    ZIT_ITI = "zit_iti", _("ZIT / ITI (integrated territorial investments)")
    INTERREG = "interreg", _("Interreg")
    NATIONAL = "national", _("National funds")
    OWN = "own", _("Own funds")
    OTHER = "other", _("Other")


class Currency(models.TextChoices):
    EUR = "EUR", "EUR"
    PLN = "PLN", "PLN"
    CZK = "CZK", "CZK"
