"""A database outage: visitors get a 503 page in their language, logged once, then recovery.

Issue 11, item 8: while PostgreSQL restarted (2.6 s), 65 requests got 500. The outage is
made here without stopping the shared server: the portal's connection is pointed at a
port nobody listens on (or, on SQLite, at a file that cannot be opened), which is what
the driver meets while the server restarts.
"""

import logging
import socket
from unittest import mock

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client, override_settings

from portal import middleware as outage

pytestmark = pytest.mark.django_db


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _no_outage_in_progress(monkeypatch):
    monkeypatch.setattr(outage, "_outage_since", None)


@pytest.fixture
def database_outage(transactional_db):
    """Make the database unreachable for the test's requests; calling the result ends it."""
    original = dict(connection.settings_dict)

    def down():
        connection.close()
        if connection.vendor == "postgresql":
            connection.settings_dict["HOST"] = "127.0.0.1"
            connection.settings_dict["PORT"] = _closed_port()
        else:
            connection.settings_dict["NAME"] = "/nonexistent/directory/db.sqlite3"

    def up():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)

    down()
    try:
        yield up
    finally:
        up()


def test_visitors_get_a_503_in_their_language_and_pages_come_back_by_themselves(
    database_outage, caplog
):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.INFO):
        lv = client.get("/lv/")
        en = client.get("/en/consultations/")
        again = client.get("/lv/projects/")

    for response in (lv, en, again):
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        assert response["Cache-Control"] == "no-store"
    assert '<html lang="lv">' in lv.content.decode()
    assert "Portāls uz brīdi nav pieejams" in lv.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert "The portal is briefly unavailable" in en.content.decode()
    assert "Portāls" not in en.content.decode()

    # One line when the outage starts, not one per failing request; Django logs none.
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.name for r in errors] == ["portal.outage"]
    assert "does not answer" in errors[0].getMessage()

    caplog.clear()
    database_outage()  # the database answers again
    with caplog.at_level(logging.INFO):
        assert client.get("/lv/").status_code == 200
        assert client.get("/en/consultations/").status_code == 200
    recovered = [r for r in caplog.records if r.name == "portal.outage"]
    assert len(recovered) == 1
    assert "answers again" in recovered[0].getMessage()


def test_a_proposal_sent_during_the_outage_gets_the_503_page_not_an_error(database_outage):
    response = Client(raise_request_exception=False).post(
        "/lv/consultations/kada-apspriesana/", {"text": "Priekšlikums par parkiem."}
    )
    assert response.status_code == 503
    assert "Portāls uz brīdi nav pieejams" in response.content.decode()


class QueryingMiddleware:
    """Reads the database before the view, as the session middleware does when it saves a
    session: an error here never reaches a middleware's process_exception."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return self.get_response(request)


class BrokenMiddleware(QueryingMiddleware):
    def __call__(self, request):
        raise RuntimeError("a bug, not an outage")


def _with_middleware(settings, name):
    middleware = list(settings.MIDDLEWARE)
    session = middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    middleware.insert(session, f"tests.test_database_outage.{name}")
    return override_settings(MIDDLEWARE=middleware)


def test_an_outage_met_inside_another_middleware_gets_the_503_page_too(settings):
    error = OperationalError("server closed the connection unexpectedly")
    with (
        _with_middleware(settings, "QueryingMiddleware"),
        mock.patch.object(type(connections["default"]), "ensure_connection", side_effect=error),
    ):
        robots = Client(raise_request_exception=False).get("/robots.txt")
        home = Client(raise_request_exception=False).get("/lv/")
    assert robots.status_code == 503
    assert robots["Retry-After"] == "10"
    assert home.status_code == 503
    assert "Portāls uz brīdi nav pieejams" in home.content.decode()


def test_any_other_server_error_still_gets_the_500_page(settings):
    with _with_middleware(settings, "BrokenMiddleware"):
        response = Client(raise_request_exception=False).get("/lv/")
    assert response.status_code == 500
    assert "Kļūda serverī" in response.content.decode()
    assert "Retry-After" not in response


def test_the_503_page_renders_without_touching_the_database(rf):
    error = OperationalError("down")
    with mock.patch.object(type(connections["default"]), "ensure_connection", side_effect=error):
        response = outage.outage_response(rf.get("/en/projects/"))
    assert response.status_code == 503
    assert "The portal is briefly unavailable" in response.content.decode()
