from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


def _locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in Locale.objects.order_by("pk")]


class ExportForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), choices=_locale_choices)
    only_outdated = forms.BooleanField(
        label=_("Only translations that are out of date"),
        required=False,
        help_text=_("Leave unticked to get every string still waiting for a person."),
    )

    def locale_object(self):
        return Locale.objects.get(language_code=self.cleaned_data["locale"])


class ImportForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), choices=_locale_choices)
    file = forms.FileField(label=_("Translated PO file"), help_text=_("A file downloaded here, with msgstr filled in."))
    no_review = forms.BooleanField(
        label=_("Only store the strings"),
        required=False,
        help_text=_("Leave unticked to submit each completed page for review."),
    )

    #: PO files of the whole site stay far below this; anything bigger is a wrong file.
    max_size = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_size:
            raise forms.ValidationError(_("The file is too large for a PO file of this site."))
        return upload

    def locale_object(self):
        return Locale.objects.get(language_code=self.cleaned_data["locale"])
