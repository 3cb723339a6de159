"""Migration operations for what only PostgreSQL has: the search documents of the site
search (migration portal 0006, portal/search.py). On SQLite they do nothing."""

from django.db import migrations


class PostgresOnly(migrations.RunSQL):
    """RunSQL on PostgreSQL only; nothing on SQLite."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def document_sql(weighted):
    """The generated column's expression: {"A": ["title"], "C": ["body"]} →
    setweight(to_tsvector('simple', portal_unaccent(title)), 'A') || …"""
    parts = []
    for weight, columns in weighted.items():
        text = " || ' ' || ".join(f"coalesce(\"{column}\"::text, '')" for column in columns)
        parts.append(
            f"setweight(to_tsvector('simple'::regconfig, portal_unaccent({text})), '{weight}')"
        )
    return " || ".join(parts)


class AddSearchDocument(PostgresOnly):
    """`search_document` on `table`, generated from `weighted` columns, with its GIN index."""

    def __init__(self, table, weighted):
        self.table, self.weighted = table, weighted
        super().__init__(
            sql=[
                f'ALTER TABLE "{table}" ADD COLUMN search_document tsvector '
                f"GENERATED ALWAYS AS ({document_sql(weighted)}) STORED",
                # No pending list: see migration portal 0008.
                f'CREATE INDEX "{table}_search" ON "{table}" USING gin (search_document) '
                "WITH (fastupdate = off)",
            ],
            reverse_sql=[f'ALTER TABLE "{table}" DROP COLUMN search_document'],
        )

    def deconstruct(self):
        return self.__class__.__name__, [self.table, self.weighted], {}

    def describe(self):
        return f"Add a search document to {self.table} (PostgreSQL)"


class RemoveSearchDocument(PostgresOnly):
    def __init__(self, table, weighted):
        add = AddSearchDocument(table, weighted)
        self.table, self.weighted = table, weighted
        super().__init__(sql=add.reverse_sql, reverse_sql=add.sql)

    def deconstruct(self):
        return self.__class__.__name__, [self.table, self.weighted], {}
