"""Which record owns an uploaded file, and who may see it.

A file is served only while a current record holds it, and only to someone who may see
that record: the PDF of a draft redaction to the planners of its municipality, a photo of
an unpublished post to the staff who see the post in admin. A file no record holds (one
replaced by a newer upload, or left by a deleted record) is not served to anyone: it stays
in the storage for the history, unreachable.

The stored name says where to look: its first segment is the directory of the field's
`UploadTo` (`redactions/2026/….pdf` belongs to a redaction), and every file field has an
index, so finding the owner is one indexed query. Who may see a record is asked of the
record's own queryset (`visible_to(user)`, core.access), never written again here: a coat
of arms is public as soon as it exists, a draft's PDF is its planners'.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from consultations.models import Survey
from programmes.models import Municipality, Redaction
from projects.models import CouncilDecision, FundingProgramme

from .models import NewsPhoto


@dataclass(frozen=True)
class Owner:
    """A model whose `fields` hold uploaded files."""

    model: type
    fields: tuple

    def visible_to(self, user):
        return self.model._default_manager.visible_to(user)

    @property
    def directory(self):
        return self.model._meta.get_field(self.fields[0]).upload_to.directory

    def holds(self, name):
        return reduce(or_, (Q(**{field: name}) for field in self.fields))


OWNERS = [
    Owner(Redaction, ("document",)),
    Owner(NewsPhoto, ("image", "large", "thumbnail")),
    Owner(CouncilDecision, ("document",)),
    Owner(Municipality, ("coat_of_arms",)),
    Owner(FundingProgramme, ("emblem",)),
    Owner(Survey, ("results_file",)),
]
OWNER_BY_DIRECTORY = {owner.directory: owner for owner in OWNERS}

PUBLIC = "public"
PRIVATE = "private"


def access_to(name, request):
    """PUBLIC if anyone may fetch the stored file `name`, PRIVATE if only the requesting
    user may, None if nobody may (no current record holds it, or the user may not see
    the record that does)."""
    owner = OWNER_BY_DIRECTORY.get(name.split("/", 1)[0])
    if owner is None:
        return None
    # Asked first as an anonymous visitor: a public file's answer then does not depend on
    # who asks, and the session is not read (no "Vary: Cookie" on cacheable files).
    if owner.visible_to(AnonymousUser()).filter(owner.holds(name)).exists():
        return PUBLIC
    user = request.user
    if user.is_authenticated and owner.visible_to(user).filter(owner.holds(name)).exists():
        return PRIVATE
    return None
