"""The DCAT-AP catalogue of the portal's open data, for data.gov.lv to harvest.

Built with rdflib from the one list of datasets (api/datasets.py) and served as JSON-LD
(`/data/catalog.jsonld`) and Turtle (`/data/catalog.ttl`). Titles and descriptions are
given in Latvian and English; every distribution carries the licence (OPEN_DATA_LICENSE,
CC BY 4.0 by default) and its format (the EU's file-type vocabulary and the IANA media
type). The API is also a dcat:DataService serving the datasets it returns.

Building it takes one pass over the published redactions and discussions; the result is
kept in the shared cache per host under the page cache's generation (core/pagecache.py),
so a redaction published or a discussion closed is in the next answer: any write to the
data starts a new generation. What changes with time alone (a discussion's report once it
closes) is there within CATALOG_CACHE_SECONDS.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from core import pagecache

from .datasets import in_language

LANGUAGES = ("lv", "en")
FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
IANA = "https://www.iana.org/assignments/media-types/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CATALOG_CACHE_SECONDS = 10 * 60

FORMATS = {"jsonld": ("json-ld", "application/ld+json"), "ttl": ("turtle", "text/turtle")}


def _date(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return Literal(timezone.localtime(value).replace(microsecond=0), datatype=XSD.dateTime)
    return Literal(value, datatype=XSD.date)


def _texts(graph, subject, predicate, value, args=None):
    for language in LANGUAGES:
        graph.add((subject, predicate, Literal(in_language(value, args, language), lang=language)))


def build_graph(datasets, absolute):
    """The catalogue as an rdflib Graph; `absolute(path)` makes a portal path a full URL."""
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)
    base = absolute("/data/catalog")
    catalog = URIRef(base)
    portal = URIRef(absolute("/"))
    licence = URIRef(settings.OPEN_DATA_LICENSE)

    graph.add((catalog, RDF.type, DCAT.Catalog))
    for language in LANGUAGES:
        with translation.override(language):
            title = translation.gettext("%(portal)s: open data") % {"portal": settings.PORTAL_NAME}
            description = translation.gettext(
                "Development programmes of Latvian municipalities, their action and investment "
                "plans and indicators, EU-funded projects, news and public consultations."
            )
        graph.add((catalog, DCTERMS.title, Literal(title, lang=language)))
        graph.add((catalog, DCTERMS.description, Literal(description, lang=language)))
    graph.add((catalog, DCTERMS.publisher, portal))
    graph.add((catalog, DCTERMS.license, licence))
    graph.add((catalog, FOAF.homepage, portal))
    graph.add((catalog, DCTERMS.modified, Literal(timezone.localdate(), datatype=XSD.date)))
    for language in ("LAV", "ENG"):
        graph.add((catalog, DCTERMS.language, LANGUAGE[language]))
    graph.add((portal, RDF.type, FOAF.Agent))
    graph.add((portal, FOAF.name, Literal(settings.PORTAL_NAME, lang="lv")))

    publishers = {}
    service = URIRef(f"{base}#api")
    served = []
    for dataset in datasets:
        node = URIRef(f"{base}#{dataset.key}")
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(dataset.key)))
        _texts(graph, node, DCTERMS.title, dataset.title, dataset.title_args)
        _texts(graph, node, DCTERMS.description, dataset.description)
        graph.add((node, DCTERMS.accrualPeriodicity, FREQUENCY[dataset.frequency]))
        if dataset.modified is not None:
            graph.add((node, DCTERMS.modified, _date(dataset.modified)))
        if dataset.landing_page:
            graph.add((node, DCAT.landingPage, URIRef(absolute(dataset.landing_page))))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang="lv")))
        graph.add((node, DCAT.contactPoint, _contact(graph, portal, absolute)))
        publisher = portal
        if dataset.publisher is not None:
            municipality = dataset.publisher
            publisher = URIRef(absolute(municipality.get_absolute_url()))
            if municipality.pk not in publishers:
                publishers[municipality.pk] = publisher
                graph.add((publisher, RDF.type, FOAF.Agent))
                graph.add((publisher, FOAF.name, Literal(municipality.name, lang="lv")))
        graph.add((node, DCTERMS.publisher, publisher))
        for index, distribution in enumerate(dataset.distributions, start=1):
            part = URIRef(f"{base}#{dataset.key}-{index}")
            url = URIRef(absolute(distribution.path))
            graph.add((node, DCAT.distribution, part))
            graph.add((part, RDF.type, DCAT.Distribution))
            graph.add((part, DCAT.accessURL, url))
            graph.add((part, DCAT.downloadURL, url))
            graph.add((part, DCTERMS.license, licence))
            file_type, media_type = distribution.format
            if file_type:
                graph.add((part, DCTERMS["format"], FILE_TYPE[file_type]))
            graph.add((part, DCAT.mediaType, URIRef(IANA + media_type)))
            if distribution.title:
                _texts(graph, part, DCTERMS.title, distribution.title)
            if distribution.path.startswith(reverse("api:api-root")):
                graph.add((part, DCAT.accessService, service))
                served.append(node)

    graph.add((catalog, DCAT.service, service))
    graph.add((service, RDF.type, DCAT.DataService))
    for language in LANGUAGES:
        with translation.override(language):
            title = translation.gettext("Read API")
        graph.add((service, DCTERMS.title, Literal(title, lang=language)))
    graph.add((service, DCAT.endpointURL, URIRef(absolute(reverse("api:api-root")))))
    graph.add((service, DCAT.endpointDescription, URIRef(absolute(reverse("api:openapi")))))
    graph.add((service, DCTERMS.license, licence))
    graph.add((service, DCTERMS.publisher, portal))
    for node in dict.fromkeys(served):
        graph.add((service, DCAT.servesDataset, node))
    return graph


def _contact(graph, portal, absolute):
    """The portal's contact point (its about page), one node shared by every dataset."""
    node = URIRef(absolute("/") + "#contact")
    if (node, RDF.type, VCARD.Organization) not in graph:
        graph.add((node, RDF.type, VCARD.Organization))
        graph.add((node, VCARD.fn, Literal(settings.PORTAL_NAME, lang="lv")))
        with translation.override("lv"):
            about = reverse("about")
        graph.add((node, VCARD.hasURL, URIRef(absolute(about))))
    return node


def serialized(kind, request, datasets_of):
    """The catalogue as text of `kind` ("jsonld" or "ttl"), from the cache when there."""
    rdf_format, _media_type = FORMATS[kind]
    key = (
        f"api:catalog:{pagecache.generation()}:{kind}:{request.scheme}:{request.get_host()}:"
        f"{settings.OPEN_DATA_LICENSE}"
    )
    text = cache.get(key)
    if text is None:
        with translation.override("lv"):
            graph = build_graph(datasets_of(), request.build_absolute_uri)
        text = graph.serialize(format=rdf_format)
        cache.set(key, text, CATALOG_CACHE_SECONDS)
    return text
