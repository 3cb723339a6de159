"""The DCAT-AP catalogue: parsed back with rdflib, every distribution answers 200."""

from urllib.parse import urlsplit

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from consultations.models import PublicDiscussion
from programmes.models import Redaction

FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"


@pytest.fixture
def graph(client, demo):
    response = client.get("/data/catalog.ttl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/turtle")
    return Graph().parse(data=response.content.decode(), format="turtle")


def test_the_json_ld_and_turtle_hold_the_same_catalogue(client, graph):
    response = client.get("/data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    from_json = Graph().parse(data=response.content.decode(), format="json-ld")
    assert len(from_json) == len(graph)
    assert set(from_json.subjects(RDF.type, DCAT.Dataset)) == set(
        graph.subjects(RDF.type, DCAT.Dataset)
    )


def test_every_published_redaction_has_its_three_tables_and_drafts_none(graph):
    keys = {str(key) for key in graph.objects(None, DCTERMS.identifier)}
    for redaction in Redaction.objects.all():
        tables = {
            f"redaction-{redaction.pk}-{t}"
            for t in ("action-plan", "investment-plan", "indicators")
        }
        if redaction.is_draft:
            assert not tables & keys
        else:
            assert tables <= keys
    assert {"projects", "news", "discussions", "events", "api"} <= keys
    closed = [d for d in PublicDiscussion.objects.published() if d.is_closed()]
    assert closed
    for discussion in closed:
        assert f"discussion-{discussion.pk}-report" in keys


def test_each_dataset_is_described_in_latvian_and_english(graph, settings):
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) >= 15
    for dataset in datasets:
        for predicate in (DCTERMS.title, DCTERMS.description):
            languages = {literal.language for literal in graph.objects(dataset, predicate)}
            assert languages == {"lv", "en"}, (dataset, predicate)
        assert str(graph.value(dataset, DCTERMS.accrualPeriodicity)).startswith(FREQUENCY)
        publisher = graph.value(dataset, DCTERMS.publisher)
        assert graph.value(publisher, FOAF.name)
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert distributions
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) == URIRef(settings.OPEN_DATA_LICENSE)
            assert graph.value(distribution, DCAT.mediaType)
    latvian = {
        str(t) for d in datasets for t in graph.objects(d, DCTERMS.title) if t.language == "lv"
    }
    assert "Projektu reģistrs" in latvian


def test_a_municipality_publishes_its_redactions_data(graph):
    redaction = Redaction.objects.published().select_related("programme__municipality").first()
    node = next(
        s
        for s in graph.subjects(DCTERMS.identifier, None)
        if str(graph.value(s, DCTERMS.identifier)) == f"redaction-{redaction.pk}-indicators"
    )
    publisher = graph.value(node, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == redaction.programme.municipality.name
    assert graph.value(node, DCTERMS.modified) is not None


def test_every_distribution_and_landing_page_answers_200(client, graph):
    urls = {str(u) for u in graph.objects(None, DCAT.downloadURL)}
    urls |= {str(u) for u in graph.objects(None, DCAT.landingPage)}
    urls |= {str(u) for u in graph.objects(None, DCAT.endpointURL)}
    urls |= {str(u) for u in graph.objects(None, DCAT.endpointDescription)}
    assert len(urls) >= 30
    for url in sorted(urls):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path)
        assert response.status_code == 200, url


def test_the_api_is_a_data_service(graph):
    service = next(graph.subjects(RDF.type, DCAT.DataService))
    assert str(graph.value(service, DCAT.endpointURL)).endswith("/api/v1/")
    assert str(graph.value(service, DCAT.endpointDescription)).endswith("/api/v1/openapi.json")
    assert len(list(graph.objects(service, DCAT.servesDataset))) >= 10


def test_the_licence_follows_the_setting(client, demo, settings):
    settings.OPEN_DATA_LICENSE = "https://data.gov.lv/licence/example"
    text = client.get("/data/catalog.ttl").content.decode()
    assert "<https://data.gov.lv/licence/example>" in text
    assert "creativecommons" not in text


def test_building_it_takes_the_same_queries_whatever_the_data(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get("/data/catalog.jsonld")


def test_a_redaction_published_is_in_the_next_catalogue(
    client, demo, django_capture_on_commit_callbacks
):
    """Kept in the cache, but not past a change of the data: a harvester that comes right
    after the council's decision finds the new redaction's tables."""
    draft = Redaction.objects.filter(status="draft").first()
    assert f"redaction-{draft.pk}-action-plan" not in client.get("/data/catalog.ttl").text
    with django_capture_on_commit_callbacks(execute=True):
        Redaction.objects.filter(pk=draft.pk).set_status_for_tests("public_discussion")
    assert f"redaction-{draft.pk}-action-plan" in client.get("/data/catalog.ttl").text
