"""Wagtail admin user forms with the trainee profile fields (Settings → Users)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from lms.regions.models import Region

from . import roles
from .demographics import WG_FIELDS

PROFILE_FIELDS = ("sex", "function", "organisation", "region", "phone", "language",
                  "coordinated_regions", "birth_year", *WG_FIELDS)


class _ProfileFieldsMixin(forms.ModelForm):
    # Many trainees have no e-mail address (Wagtail requires one by default).
    email = forms.EmailField(required=False, label=_("Email"))
    coordinated_regions = forms.ModelMultipleChoiceField(
        queryset=Region.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = self._meta.model._meta.get_field("coordinated_regions")
        self.fields["coordinated_regions"].label = model_field.verbose_name.capitalize()
        self.fields["coordinated_regions"].help_text = model_field.help_text
        if "groups" in self.fields:  # the roles, in the reader's language
            self.fields["groups"].label_from_instance = lambda group: roles.label(group.name)


class CascadeUserCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class CascadeUserEditForm(_ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)
