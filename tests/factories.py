"""factory-boy factories for the programmes app and users; other apps add their own."""

import datetime
import io
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from programmes import models as pm


def pdf_bytes(pages=1, *, drawing=b"", user_password=None, owner_password=None):
    """A real PDF made by pypdf: `pages` blank A4 pages, the first one with `drawing`
    (PDF operators, e.g. b"1 0 0 rg 0 0 200 200 re f" paints a red square), encrypted
    when a password is given."""
    writer = PdfWriter()
    for number in range(pages):
        page = writer.add_blank_page(595, 842)
        if drawing and number == 0:
            content = DecodedStreamObject()
            content.set_data(drawing)
            page[NameObject("/Contents")] = writer._add_object(content)
    if user_password is not None or owner_password is not None:
        writer.encrypt(
            user_password=user_password or "",
            owner_password=owner_password,
            algorithm="AES-256",
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name="dokuments.pdf", **kwargs):
    return SimpleUploadedFile(name, pdf_bytes(**kwargs), content_type="application/pdf")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Pašvaldība {n}")
    slug = factory.Sequence(lambda n: f"pasvaldiba-{n}")
    kind = pm.Municipality.Kind.NOVADS
    planning_region = pm.Municipality.PlanningRegion.LATGALE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.lv")
    password = factory.PostGenerationMethodCall("set_password", "parole-123")
    is_staff = True

    @factory.post_generation
    def municipality(self, create, extracted, **kwargs):
        if create and extracted:
            pm.StaffProfile.objects.update_or_create(
                user=self, defaults={"municipality": extracted}
            )

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.DevelopmentProgramme

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Attīstības programma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")
    period_start = 2021
    period_end = 2027


class RedactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Redaction

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    vision = "Zaļa, droša un uzņēmīga pilsēta."

    @classmethod
    def _create(cls, model_class, *args, status=pm.Redaction.Status.DRAFT, **kwargs):
        """A redaction is created as a draft (the model refuses anything else); a test that
        asks for another status gets it moved there past the workflow, in one line."""
        redaction = super()._create(model_class, *args, **kwargs)
        if status != pm.Redaction.Status.DRAFT:
            model_class.objects.filter(pk=redaction.pk).set_status_for_tests(status)
            redaction.refresh_from_db()
        return redaction


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Priority

    redaction = factory.SubFactory(RedactionFactory)
    code = factory.Sequence(lambda n: f"VTP{n + 1}")
    title = factory.Sequence(lambda n: f"Prioritāte {n}")


class ActionLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.ActionLine

    priority = factory.SubFactory(PriorityFactory)
    code = factory.Sequence(lambda n: f"RV1.{n + 1}")
    title = factory.Sequence(lambda n: f"Rīcības virziens {n}")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Task

    action_line = factory.SubFactory(ActionLineFactory)
    code = factory.Sequence(lambda n: f"U1.1.{n + 1}")
    title = factory.Sequence(lambda n: f"Uzdevums {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Action

    task = factory.SubFactory(TaskFactory)
    code = factory.Sequence(lambda n: f"R{n + 1}")
    title = factory.Sequence(lambda n: f"Rīcība {n}")
    responsible = "Attīstības departaments"
    start_year = 2022
    end_year = 2024
    estimated_cost = Decimal("10000.00")
    progress = 50


class InvestmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.InvestmentItem

    action_line = factory.SubFactory(ActionLineFactory)
    code = factory.Sequence(lambda n: f"I{n + 1}")
    title = factory.Sequence(lambda n: f"Investīciju projekts {n}")
    responsible = "Būvniecības nodaļa"


class InvestmentAmountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.InvestmentAmount

    item = factory.SubFactory(InvestmentItemFactory)
    year = 2022
    source = pm.FundingSource.MUNICIPAL
    amount = Decimal("5000.00")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Indicator

    redaction = factory.SubFactory(RedactionFactory)
    code = factory.Sequence(lambda n: f"R{n + 1}")
    name = factory.Sequence(lambda n: f"Rādītājs {n}")
    unit = "skaits"
    baseline_year = 2020
    baseline_value = Decimal("100")
    target_year = 2027
    target_value = Decimal("200")


class SteeringGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.SteeringGroup

    programme = factory.SubFactory(ProgrammeFactory)
    order_number = "635"
    order_date = datetime.date(2012, 11, 16)


# --- programmes: the rest of a redaction's content (added with the planners' admin) ---


class DataSourceFactory(factory.django.DjangoModelFactory):
    """A national data source unless given a municipality (then that municipality's own)."""

    class Meta:
        model = pm.DataSource
        django_get_or_create = ("code", "municipality")

    municipality = None

    code = factory.Sequence(lambda n: f"SRC{n}")
    name = factory.Sequence(lambda n: f"Datu avots {n}")


class SituationSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.SituationSection

    redaction = factory.SubFactory(RedactionFactory)
    area = "population"
    title = "Iedzīvotāji"
    text = "Iedzīvotāju skaits samazinās."


class SwotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.SwotItem

    redaction = factory.SubFactory(RedactionFactory)
    kind = pm.SwotItem.Kind.STRENGTH
    text = factory.Sequence(lambda n: f"Stiprā puse {n}")


class CoherenceItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.CoherenceItem

    redaction = factory.SubFactory(RedactionFactory)
    level = pm.CoherenceItem.Level.NATIONAL
    document = "Latvijas ilgtspējīgas attīstības stratēģija līdz 2030. gadam"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2023
    value = Decimal("150")


def full_redaction(municipality=None, **kwargs):
    """A draft redaction with one of everything, ready for public discussion and approval."""
    programme_kwargs = {"municipality": municipality} if municipality else {}
    redaction = RedactionFactory(programme=ProgrammeFactory(**programme_kwargs), **kwargs)
    section = SituationSectionFactory(redaction=redaction)
    section.data_sources.add(DataSourceFactory(code="CSP", name="Centrālā statistikas pārvalde"))
    SwotItemFactory(redaction=redaction)
    CoherenceItemFactory(redaction=redaction)
    priority = PriorityFactory(redaction=redaction, code="VTP1")
    line = ActionLineFactory(priority=priority, code="RV1.1")
    task = TaskFactory(action_line=line, code="U1.1.1")
    ActionFactory(task=task, code="R1")
    item = InvestmentItemFactory(action_line=line, task=task, code="I1")
    for year in (2022, 2023, 2024):
        InvestmentAmountFactory(item=item, year=year)
    indicator = IndicatorFactory(redaction=redaction, priority=priority, code="R1")
    IndicatorValueFactory(indicator=indicator, year=2023)
    return redaction
