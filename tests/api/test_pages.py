"""The open-data page and the API page: reachable, complete, in both languages."""

import re

import pytest

from projects.columns import REGISTRY_COLUMNS


def test_the_open_data_page_is_linked_from_every_page(client, demo):
    home = client.get("/lv/").content.decode()
    assert 'href="/lv/open-data/"' in home
    about = client.get("/lv/about/").content.decode()
    assert 'href="/lv/open-data/"' in about


def test_the_open_data_page_lists_every_dataset_feed_and_the_api(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/lv/open-data/")
    page = response.content.decode()
    for address in [
        "/lv/open-data/api/",
        "/api/v1/",
        "/api/v1/openapi.json",
        "/data/catalog.jsonld",
        "/data/catalog.ttl",
        "/lv/projects/projects.csv",
        "/lv/feeds/news/",
        "/lv/feeds/discussions/",
        "/lv/events.ics",
    ]:
        assert f'href="{address}"' in page, address
    assert re.search(r'href="/lv/programmes/[\w-]+/[\w-]+/redactions/\d+/indicators\.csv"', page)
    assert re.search(r'href="/lv/consultations/[\w-]+/report\.csv"', page)
    main = page[page.index("<main") : page.index("</main>")]
    for link in re.findall(r'href="(/(?:lv|api|data)/[^"#]*)"', main):
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


@pytest.mark.parametrize(
    ("language", "heading", "sample"),
    [
        ("lv", "Atvērtie dati", "Vienošanās numurs"),
        ("en", "Open data", "Agreement number"),
    ],
)
def test_every_registry_column_is_explained_in_both_languages(
    client, demo, language, heading, sample
):
    page = client.get(f"/{language}/open-data/").content.decode()
    assert f"<h1>{heading}</h1>" in page
    for name, _meaning in REGISTRY_COLUMNS:
        assert f"<code>{name}</code>" in page, name
    assert sample in page


def test_the_registry_csv_has_the_documented_columns_and_kohesio_fields(client, demo):
    response = client.get("/lv/projects/projects.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(";") == [name for name, _meaning in REGISTRY_COLUMNS]
    cities = next(row for row in rows if "Cities of change" in row)
    assert "Poznaņas pašvaldība" in cities  # beneficiary: the lead partner
    assert "ap-2014-2020/RV4.1" in cities  # the action lines it serves
    assert "2013-06-01;2015-04-30;Daugavpils;LV" in cities  # start, end, location, country


@pytest.mark.parametrize("language", ["lv", "en"])
def test_the_api_page_lists_every_endpoint_with_parameters_and_examples(client, demo, language):
    document = client.get("/api/v1/openapi.json").json()
    response = client.get(f"/{language}/open-data/api/")
    assert response.status_code == 200
    page = response.content.decode()
    for path in document["paths"]:
        assert f"<code>GET {path}</code>" in page, path
    for name in ("fund", "action_line", "year", "municipality", "page_size"):
        assert f"<code>{name}</code>" in page, name
    assert "&quot;results&quot;" in page  # an example answer
    assert "cdn" not in page.lower()
    assert "<script" not in page
