"""News posts of every municipality, many about a project or a programme.

Most are published over the last years; a few are drafts, and a few are scheduled for a
publication time still to come (neither kind is public). No photos: the pages are measured
without the files a photo needs.
"""

import datetime

from django.utils.text import slugify

from portal.models import News


def generate(context):
    rng, write, now = context.rng, context.write, context.now
    projects_of = {}
    for project in context.projects:
        if project.is_published:
            projects_of.setdefault(project.municipality_id, []).append(project)
    programmes_of = {}
    for programme in context.programmes:
        programmes_of.setdefault(programme.place.municipality.pk, []).append(programme)
    counts = context.split(context.plan.news, [place.population**0.8 for place in context.places])
    posts = []
    serial = 0
    for place, count in zip(context.places, counts, strict=True):
        municipality_id = place.municipality.pk
        authors = [context.planners[municipality_id], context.managers[municipality_id]]
        for _ in range(count):
            serial += 1
            project = programme = None
            roll = rng.random()
            if roll < 0.55 and projects_of.get(municipality_id):
                project = rng.choice(projects_of[municipality_id])
            elif roll < 0.8:
                programme = rng.choice(programmes_of[municipality_id])
            title = write.news_title(place, project.title if project else None)[:300]
            published = rng.random() < 0.95
            if rng.random() < 0.01:
                published_at = now + datetime.timedelta(days=rng.randint(1, 30))
            else:
                published_at = now - datetime.timedelta(minutes=rng.randint(60, 8 * 365 * 24 * 60))
            author = rng.choice(authors)
            posts.append(
                News(
                    title=title,
                    slug=f"{slugify(title)[:100].strip('-')}-{serial}",
                    lead=write.sentences(place, rng.randint(1, 2)),
                    body=write.paragraphs(place, rng.randint(3, 6)),
                    municipality=place.municipality,
                    programme=programme,
                    project=project,
                    is_published=published,
                    published_at=published_at.replace(second=0, microsecond=0),
                    author=author,
                    prepared_by=f"{author.first_name} {author.last_name}, {place.council}",
                )
            )
    context.bulk(News, posts)
    context.step("news")
