"""The demo: municipalities, programmes, projects, consultations, news and users built
from the seed documents, loaded by `manage.py load_demo`.

The records and their prose are data, in `data/*.toml` (TOML: multi-line strings keep
long Latvian prose readable and diffable, dates are dates, and Python reads it with the
standard library's `tomllib`); the modules here only load them, one per part, in the
order `PARTS` gives. The demo lives in the shell because it spans every app.

Every part is idempotent: rows are found by natural keys and only what differs is saved
(`core.upsert`), so loading again doubles nothing and adds no history. Redactions
are made and published the way planners do it, through `programmes.services` (see
`portal.demo.programmes`).
"""

from importlib import import_module

# Order matters: users need municipalities, projects need users, news needs projects, and
# monitoring (the yearly reports, the owners of actions) needs all of them.
PARTS = ["programmes", "users", "projects", "consultations", "news", "monitoring"]
# The demo users share one published password: never on a production site.
USERS = "users"


def load(*, users=True, report=None):
    """Load every part (without the demo users if `users` is false); `report(part, done)`
    hears of each part as it is loaded or skipped."""
    for name in PARTS:
        if name == USERS and not users:
            if report:
                report(name, False)
            continue
        import_module(f"{__name__}.{name}").load()
        if report:
            report(name, True)
