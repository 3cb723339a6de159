"""Admin building blocks every app uses: municipality scoping and change history."""

from simple_history.admin import SimpleHistoryAdmin

from .access import municipality_path_of, scope_to_user


class MunicipalityScopedMixin:
    """Lists, choices and object lookups limited to the user's municipality.

    Works for any model that declares `municipality_path` (or `municipality_lookup()`);
    foreign-key and many-to-many choices are scoped the same way by their target model.
    Objects outside the user's municipality are not in the queryset, so admin answers 404.
    """

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and municipality_path_of(db_field.related_model):
            formfield.queryset = scope_to_user(formfield.queryset, request.user)
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and municipality_path_of(db_field.related_model):
            formfield.queryset = scope_to_user(formfield.queryset, request.user)
        return formfield


class ScopedHistoryAdmin(MunicipalityScopedMixin, SimpleHistoryAdmin):
    """The base ModelAdmin of the portal: scoped to a municipality, with change history."""
