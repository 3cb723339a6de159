"""factory-boy factories for projects and news."""

import datetime
import io
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from portal.models import News, NewsPhoto
from projects import models as m
from tests.factories import MunicipalityFactory


def image_bytes(fmt="JPEG", size=(800, 500), colour=(120, 30, 40), exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def image_upload(name="photo.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Organisation

    name = factory.Sequence(lambda n: f"Organizācija {n}")
    country = "LV"
    kind = m.Organisation.Kind.MUNICIPALITY


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.FundingProgramme
        django_get_or_create = ("fund", "name")

    fund = m.FundingProgramme.Fund.ESF
    name = "ESF 1.5.2.2.3"
    publicity_statement = (
        "Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu."
    )


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projekts {n}")
    slug = factory.Sequence(lambda n: f"projekts-{n}")
    agreement_number = factory.Sequence(lambda n: f"1DP/1.5.2.2.3/11/APIA/SIF/{n}/71")
    funding_programme = factory.SubFactory(FundingProgrammeFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    status = m.Project.Status.IN_PROGRESS
    total_cost = Decimal("10000.00")
    eu_funding = Decimal("8500.00")
    co_financing = Decimal("1500.00")
    planned_start = datetime.date(2013, 6, 1)
    planned_end = datetime.date(2015, 4, 30)
    objective = "Ilgtspējīgs tīkls starp Eiropas pilsētām."

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.add(*extracted)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Partnership

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = m.Partnership.Role.PARTNER


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Activity

    project = factory.SubFactory(ProjectFactory)
    kind = m.Activity.Kind.CONFERENCE
    title = factory.Sequence(lambda n: f"Konference {n}")
    start_date = datetime.date(2013, 11, 13)
    end_date = datetime.date(2013, 11, 14)
    place = "Poznaņa"


class NewsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = News

    title = factory.Sequence(lambda n: f"Ziņa {n}")
    slug = factory.Sequence(lambda n: f"zina-{n}")
    lead = "Īss ievads."
    body = "Pirmā rindkopa.\n\nOtrā rindkopa."
    municipality = factory.SubFactory(MunicipalityFactory)
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class NewsPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsPhoto

    news = factory.SubFactory(NewsFactory)
    image = factory.LazyFunction(lambda: image_upload())
    alt_text = "Konferences zāle"
    caption = "Konferences atklāšana"
