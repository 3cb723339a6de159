"""Demo news from the seed texts 000, 001, 002 and 004 (`data/news.toml`), with photos drawn by
Pillow.

The texts are the seeds' own, paragraph by paragraph, with typography set right (spaces
after numbers, „quotes”, dashes) and plain slips fixed ("plānošanās" → "plānošanas",
"ka arī" → "kā arī"); the author's phone and e-mail are left out, and the closing
publicity sentence of seed 002 is shown by the project's publicity box instead.

Idempotent: posts are found by slug, photos by (post, position); a photo is drawn and
saved (through the model, so its sizes are made) only when it is missing.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from core.upsert import save_if_changed, upsert
from portal.models import News, NewsPhoto
from programmes.models import Municipality
from projects.models import Project

from . import files
from .pictures import PICTURES, png


def load():
    data = files.read("news")
    users = get_user_model().objects
    for spec in data["news"]:
        author = users.filter(username=spec.get("author", data["author"])).first()
        project = (
            Project.objects.filter(slug=spec["project"]).first() if "project" in spec else None
        )
        programme = files.programme(spec["programme"]) if "programme" in spec else None
        post, _ = upsert(
            News,
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "lead": spec["lead"],
                "body": spec["body"],
                "prepared_by": spec["prepared_by"],
                "municipality": Municipality.objects.get(slug=spec["municipality"]),
                "project": project,
                "programme": programme,
                "is_published": True,
                "published_at": timezone.make_aware(spec["published_at"]),
                "author": author,
            },
        )
        for position, photo_spec in enumerate(spec.get("photos", [])):
            photo = NewsPhoto.objects.filter(news=post, position=position).first()
            if photo is None:
                photo = NewsPhoto(news=post, position=position)
                draw = PICTURES[photo_spec["picture"]]
                photo.image = ContentFile(
                    png(draw(seed=position + len(post.slug))), name=f"{post.slug}-{position}.png"
                )
            values = {
                "caption": photo_spec["caption"],
                "alt_text": photo_spec["alt_text"],
                "credit": data["photo_credit"],
            }
            if photo.pk is None:
                for name, value in values.items():
                    setattr(photo, name, value)
                photo.save()
            else:
                save_if_changed(photo, **values)
