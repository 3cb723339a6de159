"""At most one open public discussion per redaction, held by PostgreSQL itself.

An exclusion constraint refuses a second discussion of the same redaction whose period
overlaps another's, so no race between two planners can create one. Ranges of the
redaction id (`int8range(id, id, '[]')`) compare with `&&` like equality, which keeps the
constraint on the built-in GiST range operators: no btree_gist extension to install.
Periods are half-open `[opens_at, closes_at)`, as `PublicDiscussion.is_open()` reads them.

SQLite (the first-look setup) has no exclusion constraints; there the model's `clean()`
and the row lock in `services.open_discussion` hold the rule alone.
"""

from django.db import migrations

CONSTRAINT = "consultations_discussion_one_open_per_redaction"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE consultations_publicdiscussion "
        f"ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist ("
        "int8range(redaction_id, redaction_id, '[]') WITH &&, "
        "tstzrange(opens_at, closes_at) WITH &&)"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE consultations_publicdiscussion DROP CONSTRAINT IF EXISTS {CONSTRAINT}"
    )


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, drop_constraint, elidable=False)]
