from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

validate_nuts3_code = RegexValidator(
    regex=r"^[A-Z]{2}[0-9A-Z]{3}$",
    message=_("Enter a NUTS-3 code: two capital letters and three characters, e.g. PL524 or CZ071."),
    code="invalid_nuts3",
)

latitude_validators = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_validators = [MinValueValidator(-180), MaxValueValidator(180)]
