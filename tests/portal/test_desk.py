"""The staff desk on the admin index: what waits for each user, in their municipality."""

import datetime

import pytest

from consultations.models import Proposal
from tests.consultations.factories import (
    ProposalFactory,
    PublicDiscussionFactory,
    published_redaction,
)
from tests.factories import ProgrammeFactory, RedactionFactory
from tests.projects.factories import ActivityFactory, NewsFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def desk(client, user):
    client.force_login(user)
    response = client.get("/lv/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_planner_sees_proposals_to_answer_and_open_discussions_of_their_municipality(
    client, planner, municipality, other_municipality
):
    ours = PublicDiscussionFactory(
        redaction=published_redaction(
            programme=ProgrammeFactory(municipality=municipality, title="Mūsu AP")
        )
    )
    ProposalFactory(discussion=ours)
    ProposalFactory(discussion=ours)
    ProposalFactory(discussion=ours, answer="taken", justification="Iekļauts.")
    theirs = PublicDiscussionFactory(
        redaction=published_redaction(
            programme=ProgrammeFactory(municipality=other_municipality, title="Citu AP")
        )
    )
    ProposalFactory(discussion=theirs)

    page = desk(client, planner)

    assert "Jūs gaida" in page
    assert "2 priekšlikumi jāatbild: Mūsu AP" in page
    link = f"/lv/admin/consultations/proposal/?discussion__id__exact={ours.pk}&amp;answer=none"
    assert link in page
    assert "Citu AP" not in page
    # The link opens exactly the proposals still waiting for an answer.
    listed = client.get(link.replace("&amp;", "&"))
    assert list(listed.context["cl"].result_list) == list(
        Proposal.objects.filter(discussion=ours, answer="")
    )


def test_planner_sees_what_a_draft_still_lacks_before_discussion(client, planner, municipality):
    RedactionFactory(programme=ProgrammeFactory(municipality=municipality, title="Jaunā AP"))
    page = desk(client, planner)
    assert "Redakciju melnraksti" in page
    assert "Jaunā AP" in page
    assert "pirms sabiedriskās apspriešanas vēl vajag" in page


def test_project_manager_sees_their_projects_with_the_last_activity(
    client, project_manager, municipality
):
    mine = ProjectFactory(
        title="Mans projekts", municipality=municipality, managers=[project_manager]
    )
    ActivityFactory(project=mine, start_date=datetime.date(2013, 11, 13))
    ProjectFactory(title="Kolēģa projekts", municipality=municipality)
    NewsFactory(
        title="Melnraksta ziņa", project=mine, municipality=municipality, is_published=False
    )
    NewsFactory(title="Publicēta ziņa", project=mine, municipality=municipality)

    page = desk(client, project_manager)

    assert "Mans projekts" in page
    assert "2013. gada 13. novembris" in page
    assert f"/lv/admin/projects/activity/add/?project={mine.pk}" in page
    assert "Kolēģa projekts" not in page
    assert "Melnraksta ziņa" in page
    assert "Publicēta ziņa" not in page
    # Nothing of the planners' work is theirs to do.
    assert "priekšlikum" not in page.split('id="desk"')[1].split("</div>")[0]


def test_a_user_with_nothing_waiting_sees_no_desk(client, municipality_admin):
    assert 'id="desk"' not in desk(client, municipality_admin)


def test_the_desk_costs_the_same_with_more_proposals(
    client, planner, municipality, django_assert_max_num_queries
):
    discussion = PublicDiscussionFactory(
        redaction=published_redaction(programme=ProgrammeFactory(municipality=municipality))
    )
    ProposalFactory(discussion=discussion)
    client.force_login(planner)
    client.get("/lv/admin/")
    for _ in range(5):
        ProposalFactory(discussion=discussion)
    # … and two for the monitoring the planner owns that is overdue (actions, indicators)
    with django_assert_max_num_queries(14):
        client.get("/lv/admin/")
