"""The search's GIN indexes (migration 0006) keep no pending list (`fastupdate = off`).

With the default `fastupdate = on` PostgreSQL adds new and changed rows' words to a pending
list that every search reads through in full, until a VACUUM merges it into the index. On
the national data, loaded in bulk, the list made each search of the tasks' index take 10 ms
instead of 0.02 ms, and the planner, seeing it, chose to read whole tables instead. Search
is read far more often than these tables are written, so each write now updates the index
itself; the list there is now is merged once, here.
"""

from django.db import migrations

from core.postgres import PostgresOnly

INDEXES = [
    *[
        f"{table}_search"
        for table in (
            "portal_news",
            "programmes_developmentprogramme",
            "programmes_priority",
            "programmes_actionline",
            "programmes_task",
            "projects_project",
            "consultations_publicdiscussion",
            "consultations_workinggroup",
            "consultations_event",
            "consultations_survey",
        )
    ],
    "projects_project_search_text_trgm",
    "projects_organisation_search_text_trgm",
]


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_news_list_indexes"),
    ]

    operations = [
        PostgresOnly(
            [
                f'ALTER INDEX "{index}" SET (fastupdate = off)',
                f"SELECT gin_clean_pending_list('\"{index}\"'::regclass)",
            ],
            f'ALTER INDEX "{index}" RESET (fastupdate)',
        )
        for index in INDEXES
    ]
