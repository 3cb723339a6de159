"""Aggregates Django 5.2 has for PostgreSQL only (contrib.postgres) or not at all, written
for both databases the portal runs on: PostgreSQL in production, SQLite for `make run`."""

from django.db.models import Aggregate, JSONField, Q, Value


class JSONList(Aggregate):
    """The values of `expression` over the grouped rows as a JSON array, read back as a
    Python list: `[]` when there are none (rows of a LEFT JOIN that found nothing are
    left out, so a parent without children gets an empty list, not `[None]`).

    Use it to bring a small one-to-many or many-to-many along with its parent rows in the
    parent's query, where a prefetch would cost a query of its own. Order is not kept:
    sort in Python. Numbers come back as JSON numbers; cast decimals to text first where
    every digit matters.
    """

    function = "JSONB_AGG"  # jsonb: Django reads it back itself (json would be parsed twice)
    output_field = JSONField()

    def __init__(self, expression, *, present, **extra):
        # `present`: a lookup that is NULL when the LEFT JOIN found no row.
        super().__init__(
            expression,
            filter=Q(**{f"{present}__isnull": False}),
            default=Value([], output_field=JSONField()),
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)
