"""News admin: project managers write about their own projects, planners about programmes."""

from axes.admin import AccessAttemptAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_mixins import MunicipalityScopedMixin, ScopedHistoryAdmin
from core.images import PhotoFormField

from .models import News, NewsPhoto

PHOTO_FIELD = {models.ImageField: {"form_class": PhotoFormField}}


class NewsPhotoInline(MunicipalityScopedMixin, admin.StackedInline):
    """A post's photos change with the post: only if the user may edit the post."""

    model = NewsPhoto
    formfield_overrides = PHOTO_FIELD
    extra = 1
    fields = ["image", "alt_text", "caption", "credit", "position"]


@admin.register(News)
class NewsAdmin(ScopedHistoryAdmin):
    """Who sees and edits which post is `News.objects` (portal.models); a project manager
    links a post only to a project they manage."""

    editable_choices = ("project",)
    list_display = ["title", "published_at", "is_published", "project", "programme"]
    list_filter = ["is_published", ("municipality", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["project", "programme"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    inlines = [NewsPhotoInline]
    fields = [
        "title",
        "slug",
        "lead",
        "body",
        "prepared_by",
        "municipality",
        "programme",
        "project",
        "is_published",
        "published_at",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "project" and formfield is not None:
            # Without the right to write general news a post must be about a project.
            if not request.user.has_perm(f"portal.{News.WRITE_GENERAL}"):
                formfield.required = True
                formfield.error_messages["required"] = _(
                    "Choose the project this post is about: project managers write news "
                    "about the projects they manage."
                )
        return formfield

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(NewsPhoto)
class NewsPhotoAdmin(ScopedHistoryAdmin):
    editable_choices = ("news",)
    formfield_overrides = PHOTO_FIELD
    list_display = ["__str__", "news"]
    list_select_related = ["news"]
    fields = ["news", "image", "alt_text", "caption", "credit", "position"]


# --- Login lockouts (django-axes): the list a superuser lifts a lockout from ------------


class LoginAttemptAdmin(AccessAttemptAdmin):
    """django-axes' own admin, with its status column named in the admin's language."""

    @admin.display(description=_("Status"))
    def status(self, obj):
        return super().status(obj)

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        """Deletes the attempts whose cool-off is over (the selection does not matter).

        django-axes' own action reads the time axes stamps on login requests only, so on an
        admin request it failed with a 500: the stamp is put on this request first.
        """
        AxesProxyHandler.update_request(request)
        count = self.handler.clean_expired_user_attempts(request=request)
        message = ngettext(
            "%(count)d expired login attempt deleted.",
            "%(count)d expired login attempts deleted.",
            count,
        )
        self.message_user(request, message % {"count": count})


# django-axes registered its admin first (it is listed before portal in INSTALLED_APPS).
admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, LoginAttemptAdmin)
