from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import code_normalise


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReissueForm(ReasonForm):
    trainee_name = forms.CharField(
        label=_("Name as it should appear"), max_length=300,
        help_text=_("A new certificate with a new code replaces the current one."),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"), max_length=40,
        help_text=_("As printed on the certificate, e.g. ABCD-EFGH-JKMN. Case and dashes do "
                    "not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A code has 12 letters and digits, e.g. ABCD-EFGH-JKMN."))
        return code
