"""Wagtail generic views that only ever reach rows inside the user's scope.

Each viewset names a `scope(user) -> QuerySet` (a selector from lms.cohorts.selectors) for
reading, and optionally a narrower `manage_scope` for editing and deleting. A row out of scope
is a 404, in the listing, edit, delete, inspect, history and usage views alike.
"""

from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.models import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

Scope = Callable[..., QuerySet]


class ServiceFormMixin:
    """For create and edit views that save through a service (`service_save`): a
    ValidationError from the service (raised inside the view's transaction, so nothing is
    written) becomes a form error on `error_field` (or the whole form); a save is logged in
    the object's admin history as Wagtail's own saves are."""

    error_field: str | None = None

    def service_save(self):
        raise NotImplementedError

    def save_instance(self):
        editing = getattr(getattr(self, "object", None), "pk", None) is not None
        instance = self.service_save()
        log(instance=instance, action="wagtail.edit" if editing else "wagtail.create",
            user=self.request.user)
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as exc:
            form.add_error(self.error_field, exc)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ScopedIndexView(IndexView):
    scope: Scope
    select_related: tuple[str, ...] = ()

    def get_base_queryset(self):
        queryset = self.scope(self.request.user)
        return queryset.select_related(*self.select_related) if self.select_related else queryset


class ScopedEditView(EditView):
    scope: Scope

    def get_queryset(self):
        return self.scope(self.request.user)


class ScopedDeleteView(DeleteView):
    scope: Scope

    def get_queryset(self):
        return self.scope(self.request.user)


class ScopedInspectView(InspectView):
    scope: Scope

    def get_object(self, queryset=None):
        return get_object_or_404(self.scope(self.request.user), pk=unquote(str(self.pk)))


class ScopedHistoryView(history.HistoryView):
    scope: Scope

    def get_base_object_queryset(self):
        return self.scope(self.request.user)


class ScopedUsageView(usage.UsageView):
    scope: Scope

    def get_base_object_queryset(self):
        return self.scope(self.request.user)


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every view is limited to `scope` (and `manage_scope` for writes).
    Subclasses set them with `staticmethod(selector)`."""

    scope: Scope
    manage_scope: Scope | None = None
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None  # plain database search on `search_fields`
    edit_view_base: type = ScopedEditView
    list_select_related: tuple[str, ...] = ()  # foreign keys shown in the listing

    def _bind(self, base: type, scope: Scope, **attrs) -> type:
        return type(f"{self.model.__name__}{base.__name__}", (base,),
                    {"scope": staticmethod(scope), **attrs})

    @property
    def _manage(self) -> Scope:
        return self.manage_scope or self.scope

    @cached_property
    def index_view_class(self):
        return self._bind(ScopedIndexView, self.scope, select_related=self.list_select_related)

    @cached_property
    def inspect_view_class(self):
        return self._bind(ScopedInspectView, self.scope)

    @cached_property
    def history_view_class(self):
        return self._bind(ScopedHistoryView, self.scope)

    @cached_property
    def usage_view_class(self):
        return self._bind(ScopedUsageView, self.scope)

    @cached_property
    def edit_view_class(self):
        return self._bind(self.edit_view_base, self._manage)

    @cached_property
    def delete_view_class(self):
        return self._bind(ScopedDeleteView, self._manage)
