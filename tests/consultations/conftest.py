import pytest
from django.core.cache import cache

from tests.factories import (
    ActionLineFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    TaskFactory,
)

from .factories import PublicDiscussionFactory, published_redaction


@pytest.fixture(autouse=True)
def _clean_cache_and_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def programme(municipality):
    return ProgrammeFactory(
        municipality=municipality, slug="ap-2014-2020", title="Daugavpils attīstības programma"
    )


@pytest.fixture
def redaction(programme):
    """A redaction with a priority, an action line and a task, then published."""
    draft = RedactionFactory(programme=programme, number=1)
    priority = PriorityFactory(redaction=draft, code="VTP1", title="Konkurētspējīga ekonomika")
    line = ActionLineFactory(priority=priority, code="RV1.1", title="Tūrisma attīstība")
    TaskFactory(action_line=line, code="U1.1.1", title="Attīstīt cietoksni")
    return published_redaction(draft)


@pytest.fixture
def discussion(redaction):
    return PublicDiscussionFactory(redaction=redaction, slug="daugavpils-ap-1")
