"""Logins: a password guesser is locked out, a superuser lifts the lock, passwords are long.

The portal's promise (issue 11, item 5): 30 wrong passwords for a planner used to be
answered normally and the right one worked right after. Now django-axes counts failures
in the database (settings.py says which lockouts there are and why) and the demo, with its
published password, never reaches a production site.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from portal.demo.users import DEMO_PASSWORD, DEMO_USERS
from programmes.models import Municipality

pytestmark = pytest.mark.django_db

PASSWORD = "parole-123"  # tests.factories.UserFactory
GUESSER = "198.51.100.7"
LOGIN = "/lv/admin/login/"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Each wrong password is checked for real; a fast hasher keeps thirty of them quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(username, password, address=GUESSER, url=LOGIN):
    """A fresh browser at `address` sends the admin's login form once."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": username, "password": password, "next": "/lv/admin/"})
    return client, response


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_lock_a_planner_out_and_then_the_right_one_is_refused_in_latvian(
    planner,
):
    statuses = [log_in("planner", f"minejums-{n}")[1].status_code for n in range(30)]
    # Four wrong passwords get the login form back; the fifth locks the login.
    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}

    client, response = log_in("planner", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    html = response.content.decode()
    assert "Pieteikšanās ir bloķēta" in html
    assert "Mēģiniet vēlreiz pēc 30 min." in html
    assert 'id="login-form"' not in html
    assert response["Retry-After"] == str(30 * 60)


def test_the_lockout_page_speaks_english_on_the_english_admin(planner):
    for n in range(5):
        log_in("planner", f"guess-{n}", url="/en/admin/login/")
    client, response = log_in("planner", PASSWORD, url="/en/admin/login/")
    assert response.status_code == 429
    assert "Logging in is locked" in response.content.decode()
    assert "Try again in 30 minutes." in response.content.decode()


def test_a_colleague_behind_the_same_address_still_logs_in_after_five_failures(
    planner, other_planner
):
    for n in range(5):
        log_in("planner", f"minejums-{n}")
    assert log_in("planner", PASSWORD)[1].status_code == 429
    client, response = log_in("other_planner", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_another_address_can_still_log_in_another_user_while_a_guesser_is_locked_out(
    planner, other_planner
):
    for n in range(30):
        log_in("planner", f"minejums-{n}")
    client, response = log_in("other_planner", PASSWORD, address="203.0.113.20")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_one_address_guessing_many_usernames_is_locked_for_every_username(other_planner):
    # A password sprayer: one password tried on twenty usernames from one address.
    for n in range(20):
        log_in(f"lietotajs{n}", "Vasara2026!")
    assert log_in("other_planner", PASSWORD)[1].status_code == 429
    assert log_in("other_planner", PASSWORD, address="203.0.113.20")[1].status_code == 302


def test_one_username_guessed_from_many_addresses_is_locked_everywhere(planner):
    # Four guesses from each address stay under the per-address limits.
    for n in range(20):
        log_in("planner", f"minejums-{n}", address=f"203.0.113.{n // 4 + 1}")
    assert log_in("planner", PASSWORD, address="192.0.2.200")[1].status_code == 429


def test_a_superuser_lifts_the_lockout_in_the_latvian_admin_and_the_planner_logs_in(
    planner, superuser
):
    for n in range(30):
        log_in("planner", f"minejums-{n}")
    assert log_in("planner", PASSWORD)[1].status_code == 429

    admin = Client()
    admin.force_login(superuser)
    page = admin.get("/lv/admin/axes/accessattempt/").content.decode()
    assert "Neveiksmīgi mēģinājumi un bloķējumi" in page
    assert "Bloķēts" in page
    assert "planner" in page
    attempts = AccessAttempt.objects.filter(username="planner")
    response = admin.post(
        "/lv/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": [str(pk) for pk in attempts.values_list("pk", flat=True)],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not attempts.exists()

    client, response = log_in("planner", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_cleaning_up_expired_attempts_in_admin_keeps_a_lockout_that_is_still_running(
    planner, superuser
):
    """django-axes' own "clean up" action answered the superuser with a 500."""
    for n in range(30):
        log_in("planner", f"minejums-{n}")
    log_in("someone-last-year", "minejums", address="203.0.113.9")
    # Logged in before the attempt ages: axes cleans expired attempts on every login.
    admin = Client()
    admin.force_login(superuser)
    old = AccessAttempt.objects.filter(username="someone-last-year")
    old.update(attempt_time=timezone.now() - datetime.timedelta(days=365))
    response = admin.post(
        "/lv/admin/axes/accessattempt/",
        {"action": "cleanup_expired_attempts", "_selected_action": [str(old.get().pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Novecojušie pieteikšanās mēģinājumi dzēsti: 1." in response.text
    assert not old.exists()
    assert log_in("planner", PASSWORD)[1].status_code == 429


def test_the_admin_index_names_login_attempts_in_latvian(superuser):
    admin = Client()
    admin.force_login(superuser)
    page = admin.get("/lv/admin/").content.decode()
    assert "Pieteikšanās mēģinājumi" in page


def test_planners_and_municipality_admins_cannot_see_or_lift_lockouts(planner, municipality_admin):
    for user in (planner, municipality_admin):
        client = Client()
        client.force_login(user)
        assert client.get("/lv/admin/axes/accessattempt/").status_code == 403


@pytest.mark.parametrize(
    "password,message",
    [
        ("Parole-2026", "Šī parole ir pārāk īsa. Tajā jābūt vismaz 12 rakstzīmēm."),
        ("123456789012", "Parole sastāv tikai no cipariem."),
        ("password1234", "Parole ir pārāk bieži izmantota."),
    ],
)
def test_a_short_numeric_or_common_password_is_refused_when_a_user_is_added(
    admin_client, password, message
):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "jauns.planotajs",
            "password1": password,
            "password2": password,
            "usable_password": "true",
            "staff_profile-TOTAL_FORMS": "0",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="jauns.planotajs").exists()


def test_twelve_characters_are_the_minimum_and_the_demo_password_passes():
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_password("Kalns-Ezers")  # 11 characters
    assert "at least 12 characters" in str(refused.value)
    validate_password("Kalns-Ezers1")
    validate_password(DEMO_PASSWORD)


def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-production"):
        call_command("load_demo")
    assert not Municipality.objects.exists()
    assert not get_user_model().objects.exists()


def test_load_demo_told_to_run_with_debug_off_creates_no_demo_users(settings):
    settings.DEBUG = False
    call_command("load_demo", "--allow-production", stdout=open("/dev/null", "w"))
    assert Municipality.objects.filter(slug="daugavpils").exists()
    usernames = [username for username, *_rest in DEMO_USERS]
    assert not get_user_model().objects.filter(username__in=usernames).exists()
    assert not get_user_model().objects.exists()
