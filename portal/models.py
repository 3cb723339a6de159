"""News of the portal, with photos, linked to a development programme and/or a project.

A post is public only when it is marked published and its publication time has come.
Photos are checked with Pillow on upload, re-encoded without EXIF (which can carry the
GPS position where a photo was taken) and get two derived sizes: a thumbnail for lists
and a larger image for the news page. A deleted photo's files leave the storage with it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import F, Prefetch, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image
from simple_history.models import HistoricalRecords

from core.access import FollowsParentQuerySet, ScopedQuerySet, staff_municipality_ids
from core.images import (
    StoredImageField,
    encode,
    open_upright,
    pixels_only,
    validate_image,
)
from core.uploads import UploadTo
from programmes.models import DevelopmentProgramme, Municipality
from projects.models import Project

THUMBNAIL_WIDTH = 400
LARGE_WIDTH = 1200


def _public(now=None):
    return Q(is_published=True, published_at__lte=now or timezone.now())


class NewsQuerySet(ScopedQuerySet):
    def published(self, now=None):
        """Posts residents may read: published and with a publication time in the past."""
        return self.filter(_public(now))

    def unpublished(self, now=None):
        """Drafts, and posts whose publication time has not come."""
        return self.exclude(_public(now))

    def next_publication(self, now):
        """When the next post whose time has not come becomes public, or None: the pages
        stored in the page cache change then (core/pagecache.py)."""
        return (
            self.filter(is_published=True, published_at__gt=now)
            .aggregate(first=models.Min("published_at"))
            .get("first")
        )

    def in_scope_of(self, user):
        """The posts of the staff user's municipality and of the projects they manage."""
        ids = staff_municipality_ids(user)
        if ids is None:
            return self.all()
        if not ids:
            return self.none()
        return self.filter(
            Q(municipality_id__in=ids) | Q(project__in=Project.objects.editable_by(user))
        )

    def editable_by(self, user):
        """Posts about the projects the user manages; planners also the municipality's posts
        without a project (about a programme, or general news)."""
        ids = staff_municipality_ids(user)
        if ids is None:
            return self.all()
        if not ids:
            return self.none()
        editable = Q(project__in=Project.objects.editable_by(user))
        if user.has_perm(f"portal.{News.WRITE_GENERAL}"):
            editable |= Q(project__isnull=True, municipality_id__in=ids)
        return self.filter(editable)

    def with_photos(self):
        return self.prefetch_related(Prefetch("photos", queryset=NewsPhoto.objects.all()))

    def for_list(self):
        """The news list and feeds: posts with their project, programme and photos."""
        return (
            self.published()
            .select_related("project__funding_programme", "programme__municipality")
            .with_photos()
        )

    def for_page(self):
        return self.for_list().select_related("author", "municipality")


class News(models.Model):
    municipality_path = "municipality"
    # Who may write posts that are not about a project (planners); project managers
    # write only about the projects they manage.
    WRITE_GENERAL = "write_general_news"

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    body = models.TextField(_("text"), help_text=_("Paragraphs are separated by an empty line."))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="news",
        verbose_name=_("municipality"),
    )
    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("development programme"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("project"),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Drafts and posts with a future publication time are not shown."),
    )
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("author"),
    )
    prepared_by = models.CharField(
        _("prepared by"),
        max_length=300,
        blank=True,
        help_text=_("Name and position shown under the text."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("news post")
        verbose_name_plural = _("news")
        permissions = [("write_general_news", _("Can write news not about a project"))]
        # The news list and feeds, newest first: all of them (`portal_news_published`, read
        # backwards), and a municipality's, a programme's or a project's (their pages).
        indexes = [
            models.Index(fields=["is_published", "published_at"], name="portal_news_published"),
            *[
                models.Index(
                    F(field),
                    F("published_at").desc(),
                    F("id").desc(),
                    name=name,
                    condition=Q(is_published=True),
                )
                for field, name in [
                    ("municipality", "portal_news_municipality"),
                    ("programme", "portal_news_programme"),
                    ("project", "portal_news_project"),
                ]
            ],
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    def clean(self):
        errors = {}
        if self.project_id and self.municipality_id:
            if self.project.municipality_id != self.municipality_id:
                errors["project"] = ValidationError(
                    _("The project belongs to another municipality."), code="project_municipality"
                )
        if self.programme_id and self.municipality_id:
            if self.programme.municipality_id != self.municipality_id:
                errors["programme"] = ValidationError(
                    _("The programme belongs to another municipality."),
                    code="programme_municipality",
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def paragraphs(self):
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def first_photo(self):
        photos = list(self.photos.all())
        return photos[0] if photos else None

    @property
    def publicity_statement(self):
        if self.project_id and self.project.funding_programme_id:
            return self.project.funding_programme.publicity_statement
        return ""


def _resized(image, width):
    if image.width <= width:
        return image.copy()
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.Resampling.LANCZOS)


class NewsPhotoQuerySet(FollowsParentQuerySet):
    """A photo is part of its post: seen and edited with it."""

    parent_path = "news"


NEWS_PHOTOS = UploadTo("news")


class NewsPhoto(models.Model):
    municipality_path = "news__municipality"

    news = models.ForeignKey(
        News, on_delete=models.CASCADE, related_name="photos", verbose_name=_("news post")
    )
    image = StoredImageField(
        _("photo"),
        upload_to=NEWS_PHOTOS,
        validators=[validate_image],
        width_field="width",
        height_field="height",
        help_text=_(
            "JPEG, PNG, GIF or WebP. Location data (EXIF) is removed; smaller sizes are made."
        ),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    large = StoredImageField(
        _("large size"),
        upload_to=NEWS_PHOTOS,
        blank=True,
        editable=False,
        width_field="large_width",
        height_field="large_height",
    )
    large_width = models.PositiveIntegerField(null=True, editable=False)
    large_height = models.PositiveIntegerField(null=True, editable=False)
    thumbnail = StoredImageField(
        _("thumbnail"),
        upload_to=NEWS_PHOTOS,
        blank=True,
        editable=False,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("photo by"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = NewsPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["news", "position", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        # The media view finds the photo that owns a requested file by its name.
        indexes = [
            models.Index(fields=["image"], name="portal_newsphoto_image"),
            models.Index(fields=["large"], name="portal_newsphoto_large"),
            models.Index(fields=["thumbnail"], name="portal_newsphoto_thumbnail"),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            self.process_image()
        super().save(*args, **kwargs)

    def process_image(self):
        """Re-encode the upload without EXIF and make the large and thumbnail sizes."""
        image, _format = open_upright(self.image)
        clean = pixels_only(image)
        # The names only say the format: core.uploads.UploadTo names the files.
        self.image = ContentFile(encode(clean, "JPEG"), name="photo.jpg")
        self.large = ContentFile(encode(_resized(clean, LARGE_WIDTH), "JPEG"), name="large.jpg")
        self.thumbnail = ContentFile(
            encode(_resized(clean, THUMBNAIL_WIDTH), "JPEG"), name="thumbnail.jpg"
        )

    def files(self):
        """The names of the photo's stored files: the re-encoded original and its sizes."""
        return [file.name for file in (self.image, self.large, self.thumbnail) if file]

    @property
    def display(self):
        """The size for the news page: the large version, or the image itself."""
        return self.large or self.image

    @property
    def list_image(self):
        return self.thumbnail or self.image


@receiver(post_delete, sender=NewsPhoto, dispatch_uid="portal_newsphoto_remove_files")
def _remove_deleted_photo_files(sender, instance, **kwargs):
    """A deleted photo's files leave the storage once the deletion is committed.

    A photo is often deleted for privacy (a face, a child, a home): its address must stop
    answering, and a copy kept on disk is a copy that can leak. A signal rather than
    `delete()`, because a photo also goes when its post is deleted (a cascade) or when
    admin deletes several at once, and neither calls the photo's `delete()`. After the
    commit, because a rolled-back deletion must find its files still there.
    """
    storage = instance.image.storage
    names = instance.files()

    def remove():
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove)
