"""Municipalities, development programmes, their redactions and everything in them.

One module per aggregate, the way pretix lays out `base/models/`; everything is imported
here, so `from programmes.models import X` is the one way to reach a model:

- `municipalities`: Municipality, StaffProfile
- `sources`: DataSource (national sources and a municipality's own)
- `programmes`: DevelopmentProgramme
- `redactions`: Redaction, its status workflow, freeze and official record
- `content`: RedactionContent (the base of a redaction's content), CodedContent
- `strategy`: situation analysis sections, SWOT, coherence with planning documents
- `structure`: Priority → ActionLine → Task
- `plans`: the action plan (Action) and the investment plan (InvestmentItem, amounts)
- `indicators`: Indicator and its actual values by year
- `steering`: the steering group, its members and meetings
- `reports`: the yearly monitoring report and its sections
- `base`: what they share (field rules, natural code order)

A redaction's content is frozen once the redaction leaves `draft`: the content models
share `RedactionContent`, whose `save()`/`delete()` and queryset `update()`/`delete()`
refuse to touch a frozen redaction. The next redaction starts as a deep copy (see
`programmes.services.start_next_redaction`); every copied item keeps `copied_from`, the
lineage the comparison pairs items by.
"""

# isort: off
# The order models are defined in (what `apps.get_models()` lists): each aggregate after
# those it refers to.
from .base import (
    CODE_PART,
    MONEY,
    NON_NEGATIVE,
    OWNERSHIP_FIELDS,
    PERCENT,
    YEAR,
    MonitoringOwnership,
    RedactionFrozen,
    UpdateInterval,
    mark_raw_load,
    months_before,
    natural_sort_key,
)
from .municipalities import (
    Municipality,
    StaffProfile,
    StaffProfileQuerySet,
    profile_municipality_ids,
    users_in_scope_of,
    works_for,
)
from .sources import (
    DATA_SOURCE_CHANGE_REFUSAL,
    DATA_SOURCE_DELETE_REFUSAL,
    DataSource,
    DataSourceQuerySet,
)
from .programmes import DevelopmentProgramme, DevelopmentProgrammeQuerySet
from .redactions import (
    DOCUMENT_REFUSAL,
    LINEAGE_DELETE_REFUSAL,
    OFFICIAL_RECORD_REFUSAL,
    InvalidStatusChange,
    Redaction,
    RedactionQuerySet,
)
from .content import CodedContent, ContentQuerySet, RedactionContent
from .strategy import (
    CoherenceItem,
    SituationSection,
    SwotItem,
    ThematicArea,
    refuse_frozen_data_source_changes,
)
from .structure import ActionLine, Priority, Task, average_progress
from .plans import Action, FundingSource, InvestmentAmount, InvestmentItem
from .indicators import Indicator, IndicatorValue
from .steering import SteeringGroup, SteeringGroupMeeting, SteeringGroupMember
from .reports import (
    MonitoringReport,
    MonitoringReportQuerySet,
    MonitoringReportSection,
    ReportFrozen,
)
# isort: on

__all__ = [
    "CODE_PART",
    "DATA_SOURCE_CHANGE_REFUSAL",
    "DATA_SOURCE_DELETE_REFUSAL",
    "DOCUMENT_REFUSAL",
    "LINEAGE_DELETE_REFUSAL",
    "MONEY",
    "NON_NEGATIVE",
    "OWNERSHIP_FIELDS",
    "OFFICIAL_RECORD_REFUSAL",
    "PERCENT",
    "YEAR",
    "Action",
    "ActionLine",
    "CodedContent",
    "CoherenceItem",
    "ContentQuerySet",
    "DataSource",
    "DataSourceQuerySet",
    "DevelopmentProgramme",
    "DevelopmentProgrammeQuerySet",
    "FundingSource",
    "Indicator",
    "IndicatorValue",
    "InvalidStatusChange",
    "InvestmentAmount",
    "InvestmentItem",
    "MonitoringOwnership",
    "MonitoringReport",
    "MonitoringReportQuerySet",
    "MonitoringReportSection",
    "Municipality",
    "Priority",
    "Redaction",
    "RedactionContent",
    "RedactionFrozen",
    "RedactionQuerySet",
    "ReportFrozen",
    "SituationSection",
    "StaffProfile",
    "StaffProfileQuerySet",
    "SteeringGroup",
    "SteeringGroupMeeting",
    "SteeringGroupMember",
    "SwotItem",
    "Task",
    "ThematicArea",
    "UpdateInterval",
    "average_progress",
    "mark_raw_load",
    "months_before",
    "natural_sort_key",
    "profile_municipality_ids",
    "refuse_frozen_data_source_changes",
    "users_in_scope_of",
    "works_for",
]
