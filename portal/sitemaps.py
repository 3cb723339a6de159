"""sitemap.xml: every public page, in both languages, as a sitemap index.

`/sitemap.xml` is the index (robots.txt points at it): one sitemap per section and page,
`/sitemap-<section>.xml?p=N`, each of at most `PAGE_SIZE` records. Every record is one
<url> per language with the hreflang alternates of all languages and x-default, so a page
holds `PAGE_SIZE × len(LANGUAGES)` URLs: far under the protocol's 50,000 URLs and 50 MB.

Built for the national data (20,000 projects, 5,000 news posts …): the records are read as
plain values from a server-side cursor (no model instances), each address is a path built
once per language and section by `reverse()` with placeholders and filled in with the
record's slugs and numbers (no `reverse()` per URL), and a page streams as it is written.
"""

import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from consultations.models import PublicDiscussion
from programmes.models import DevelopmentProgramme, Municipality, Redaction
from projects.models import Project

from .models import News

# Records a sitemap page holds; with two languages, 20,000 URLs (about 12 MB).
PAGE_SIZE = 10_000

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
URLSET_OPEN = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


@dataclass(frozen=True)
class Section:
    """One kind of public page: the URL name, what its arguments are (`str` for a slug,
    `int` for a number), the records as a values_list queryset (the arguments, then the
    last modification time when `lastmod`), and how often search engines should look."""

    url_name: str
    args: tuple = ()
    records: object = None  # () → queryset of tuples; None: one page without arguments
    lastmod: bool = False
    changefreq: str = ""
    priority: str = ""

    def queryset(self):
        return self.records().order_by("pk") if self.records else None


def _static(name):
    return Section(name, changefreq="daily", priority="0.8")


SECTIONS = {
    "sections": [
        _static("home"),
        _static("programmes:list"),
        _static("projects:list"),
        _static("consultations:index"),
        _static("news:list"),
    ],
    "municipalities": Section(
        "programmes:municipality", (str,), lambda: Municipality.objects.values_list("slug")
    ),
    "programmes": Section(
        "programmes:programme",
        (str, str),
        lambda: DevelopmentProgramme.objects.values_list("municipality__slug", "slug"),
    ),
    "monitoring": Section(
        "programmes:monitoring",
        (str, str),
        lambda: DevelopmentProgramme.objects.values_list("municipality__slug", "slug"),
    ),
    **{
        name: Section(
            url_name,
            (str, str, int),
            lambda: Redaction.objects.published().values_list(
                "programme__municipality__slug", "programme__slug", "number", "status_changed_at"
            ),
            lastmod=True,
        )
        for name, url_name in [
            ("redactions", "programmes:redaction"),
            ("action-plans", "programmes:redaction_action_plan"),
            ("investment-plans", "programmes:redaction_investment_plan"),
        ]
    },
    "projects": Section(
        "projects:detail",
        (str,),
        lambda: Project.objects.published().values_list("slug", "updated_at"),
        lastmod=True,
    ),
    "news": Section(
        "news:detail",
        (str,),
        lambda: News.objects.published().values_list("slug", "updated_at"),
        lastmod=True,
    ),
    "discussions": Section(
        "consultations:discussion",
        (str,),
        lambda: PublicDiscussion.objects.published().values_list("slug"),
    ),
}


def path_builder(url_name, kinds):
    """A function of the URL's arguments giving its path in the active language, from one
    `reverse()` with placeholders: the path's fixed parts are joined with the values."""
    placeholders = [
        f"{32000 + i}" if kind is int else f"sitemapx{i}x" for i, kind in enumerate(kinds)
    ]
    path = reverse(url_name, args=placeholders)
    if not placeholders:
        return lambda: path
    pieces = re.split("(" + "|".join(placeholders) + ")", path)
    order = {placeholder: i for i, placeholder in enumerate(placeholders)}
    template = [(order[piece], None) if piece in order else (None, piece) for piece in pieces]

    def build(*values):
        return "".join(text if i is None else str(values[i]) for i, text in template)

    return build


def _url_entry(urls, lastmod, changefreq, priority):
    """One <url>: `urls` are (language, address) of every language, this one first."""
    lines = [f"<url><loc>{escape(urls[0][1])}</loc>"]
    if lastmod:
        lines.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
    if changefreq:
        lines.append(f"<changefreq>{changefreq}</changefreq>")
    if priority:
        lines.append(f"<priority>{priority}</priority>")
    for language, address in sorted(urls):
        lines.append(
            f'<xhtml:link rel="alternate" hreflang="{language}" href="{escape(address)}"/>'
        )
    default = dict(urls)[settings.LANGUAGE_CODE]
    lines.append(f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(default)}"/>')
    lines.append("</url>\n")
    return "".join(lines)


def _entries(base, sections, rows):
    """The <url> entries of `rows` (values tuples) of one section, or of the static pages."""
    languages = [code for code, _name in settings.LANGUAGES]

    def builders(section):
        built = {}
        for language in languages:
            with translation.override(language):
                built[language] = path_builder(section.url_name, section.args)
        return built

    if rows is None:  # the static pages
        for section in sections:
            paths = builders(section)
            for language in languages:
                urls = [(language, base + paths[language]())] + [
                    (other, base + paths[other]()) for other in languages if other != language
                ]
                yield _url_entry(urls, None, section.changefreq, section.priority)
        return
    section = sections
    paths = builders(section)
    count = len(section.args)
    for row in rows:
        values, lastmod = row[:count], row[count] if section.lastmod else None
        addresses = {language: base + paths[language](*values) for language in languages}
        for language in languages:
            urls = [(language, addresses[language])] + [
                (other, addresses[other]) for other in languages if other != language
            ]
            yield _url_entry(urls, lastmod, section.changefreq, section.priority)


def _base(request):
    return f"{request.scheme}://{request.get_host()}"


@require_safe
def index(request):
    """The sitemap index: each section's sitemap pages (one count query a section; sections
    of the same records, a redaction's parts, share theirs)."""
    base = _base(request)
    lines = [XML_HEAD, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    counts = {}
    for name, section in SECTIONS.items():
        if isinstance(section, list):
            pages = 1
        else:
            queryset = section.queryset()
            key = str(queryset.query)
            if key not in counts:
                counts[key] = queryset.count()
            pages = math.ceil(counts[key] / PAGE_SIZE)
        location = base + reverse("sitemap_section", args=[name])
        for page in range(1, pages + 1):
            address = location if page == 1 else f"{location}?p={page}"
            lines.append(f"<sitemap><loc>{escape(address)}</loc></sitemap>\n")
    lines.append("</sitemapindex>\n")
    return HttpResponse("".join(lines), content_type="application/xml; charset=utf-8")


@require_safe
def section(request, section):
    """One page of one section's sitemap (`?p=N`, from 1), streamed as it is written."""
    sections = SECTIONS.get(section)
    if sections is None:
        raise Http404("No such sitemap.")
    try:
        page = int(request.GET.get("p", "1"))
    except ValueError:
        raise Http404("No such page.") from None
    if isinstance(sections, list):
        if page != 1:
            raise Http404("No such page.")
        rows = None
    else:
        queryset = sections.queryset()
        if page < 1 or (page > 1 and not queryset[(page - 1) * PAGE_SIZE :].exists()):
            raise Http404("No such page.")
        rows = queryset[(page - 1) * PAGE_SIZE : page * PAGE_SIZE].iterator(chunk_size=2000)
    base = _base(request)

    def document():
        yield XML_HEAD + URLSET_OPEN
        chunk = []
        for entry in _entries(base, sections, rows):
            chunk.append(entry)
            if len(chunk) >= 500:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk) + "</urlset>\n"

    return StreamingHttpResponse(document(), content_type="application/xml; charset=utf-8")
