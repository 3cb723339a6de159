import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _latvian_by_default():
    """Each test starts in the default language: a request to an /en/ page activates
    English in the test's thread, and `reverse()` would then build /en/ addresses."""
    translation.activate("lv")
    yield
    translation.activate("lv")
