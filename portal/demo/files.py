"""Reading the demo's data files (`data/*.toml`) and the few conversions they need."""

import datetime
import tomllib
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from programmes.models import DevelopmentProgramme

DATA = Path(__file__).parent / "data"
RIGA = ZoneInfo("Europe/Riga")


def read(name):
    """The data file `data/<name>.toml` as a dict (dates and times as `datetime` objects)."""
    with open(DATA / f"{name}.toml", "rb") as file:
        return tomllib.load(file)


def riga(moment):
    """A file's local date and time (TOML's local date-time) as an aware time in Riga."""
    return moment.replace(tzinfo=RIGA)


def money(value):
    """An amount written as a string in the files ("650000.00"), so no float rounds it."""
    return None if value is None else Decimal(value)


def programme(key):
    """The programme a file names as "<municipality slug>/<programme slug>", or None."""
    municipality, slug = key.split("/")
    return (
        DevelopmentProgramme.objects.select_related("municipality")
        .filter(municipality__slug=municipality, slug=slug)
        .first()
    )


def relative(now, offset):
    """`now` moved by `offset["days"]` and set to the clock time `offset["time"]`."""
    moved = now + datetime.timedelta(days=offset["days"])
    time = offset["time"]
    return moved.replace(hour=time.hour, minute=time.minute, second=0, microsecond=0)
