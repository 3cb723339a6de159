"""The planners' side of development programmes, one module per aggregate.

Every admin here is scoped to the user's municipality (`ScopedHistoryAdmin`) and keeps
change history. Content of a redaction that left draft is shown read-only with a notice;
the only ways forward are the redaction actions, which call `programmes.services`.

`base` and `content` hold what the admins share; the other modules register the admins of
one aggregate each. They are imported here in the order they were registered before the
split (the order the admin site keeps them in).
"""

# isort: off
from .base import DraftChoicesMixin, ProgrammesAdmin, choice_order, redaction_of
from .content import (
    ContentAdmin,
    ContentStackedInline,
    ContentTabularInline,
    RedactionImportExportMixin,
)
from . import municipalities, sources, programmes, steering, redactions
from . import strategy, structure, plans, indicators, users, reports

# isort: on

__all__ = [
    "ContentAdmin",
    "ContentStackedInline",
    "ContentTabularInline",
    "DraftChoicesMixin",
    "ProgrammesAdmin",
    "RedactionImportExportMixin",
    "choice_order",
    "indicators",
    "municipalities",
    "plans",
    "programmes",
    "redaction_of",
    "redactions",
    "reports",
    "sources",
    "steering",
    "strategy",
    "structure",
    "users",
]
