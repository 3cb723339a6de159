"""Full-text search on PostgreSQL: `unaccent`, `pg_trgm`, and a stored search document per
searched table (portal/search.py explains the choice; README, "Search").

Each searched table gets `search_document`, a tsvector column GENERATED from the row's
own texts with diacritics removed (`portal_unaccent`, an IMMUTABLE wrapper of
`unaccent`, which itself is only STABLE and so cannot be used in a generated column or an
index), weighted A (titles, codes) to C (long texts), and a GIN index on it. PostgreSQL
keeps the column right on every INSERT and UPDATE, bulk ones included; Django does not
know the column (it is no model field), so it never reads or writes it.

The registry's word search compares `search_text` with LIKE '%word%'; trigram indexes
(`pg_trgm`) serve that on projects and organisations.

Nothing here runs on SQLite: search there keeps its simple fallback (portal/search.py).

A later migration that changes the type of a column a search document is made of (e.g. a
longer `max_length`) is refused by PostgreSQL ("column … is used by a generated column"):
run `RemoveSearchDocument` before that AlterField and `AddSearchDocument` after it
(core/postgres.py).
"""

from django.db import migrations

from core.postgres import AddSearchDocument, PostgresOnly

UNACCENT = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
    SELECT public.unaccent('public.unaccent'::regdictionary, $1);
END;
"""
# The extensions stay: other databases' objects may use them.
DROP_UNACCENT = "DROP FUNCTION IF EXISTS portal_unaccent(text);"


TITLE_CODE_TEXT = {"A": ["code", "title"], "B": ["description"]}

DOCUMENTS = {
    "portal_news": {"A": ["title"], "B": ["lead"], "C": ["body"]},
    "programmes_developmentprogramme": {"A": ["title"], "B": ["summary"]},
    "programmes_priority": TITLE_CODE_TEXT,
    "programmes_actionline": TITLE_CODE_TEXT,
    "programmes_task": TITLE_CODE_TEXT,
    # search_text (maintained by Project.save) adds the agreement number and the
    # municipality's name.
    "projects_project": {
        "A": ["title", "title_original", "acronym"],
        "B": ["objective"],
        "C": ["main_activities", "expected_results"],
        "D": ["search_text"],
    },
    "consultations_publicdiscussion": {"B": ["introduction", "report_summary"]},
    "consultations_workinggroup": {"A": ["name", "territory"], "B": ["description"]},
    "consultations_event": {"A": ["title"], "B": ["summary", "place"]},
    "consultations_survey": {"A": ["title"], "B": ["results"]},
}

TRIGRAM_INDEXES = {
    "projects_project": "projects_project_search_text_trgm",
    "projects_organisation": "projects_organisation_search_text_trgm",
}


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_news_photos_keep_unchanged_files_unread"),
        ("programmes", "0004_data_source_owner_one_draft_official_record"),
        ("projects", "0004_uploads_under_generated_names_indexed"),
        ("consultations", "0005_uploads_under_generated_names_indexed"),
    ]

    operations = [
        PostgresOnly(UNACCENT, DROP_UNACCENT),
        *[AddSearchDocument(table, weighted) for table, weighted in DOCUMENTS.items()],
        *[
            PostgresOnly(
                f'CREATE INDEX "{name}" ON "{table}" USING gin (search_text gin_trgm_ops)',
                f'DROP INDEX "{name}"',
            )
            for table, name in TRIGRAM_INDEXES.items()
        ],
    ]
