"""The places on programmes' pages where higher apps show what they contribute.

Projects, consultations and the portal's news are about programmes, but programmes may not
name them (DESIGN.md, Architecture): they register panels here from their
`AppConfig.ready()` (see core/panels.py), and the pages render each slot with
`{% panels "<slot>" %}`. Every panel's template gets the page's context; the slots:

municipality page (`municipality`), fetched onto `[municipality]` by
`selectors.municipality_for_page`:
    municipality.head      inside <head>
    municipality.sections  sections after its programmes: what else the portal holds about
                           the municipality, each with a link to all of it

programme page (`programme`, its `municipality`, `redactions` the visitor may see,
`current`), fetched onto `[programme]` by `selectors.programme_for_page`:
    programme.head      inside <head> (stylesheets, feed links)
    programme.facts     <dt>/<dd> pairs in the programme's facts
    programme.sections  sections between the progress and the steering group

redaction page (`redaction`, `programme`, `municipality`), fetched onto `[redaction]` by
`selectors.redaction_for_page`; a redaction's rows change after it freezes, so nothing
fetched for a panel may go into the cached frozen parts:
    redaction.head      inside <head>
    redaction.notice    inline, at the end of the notice of a redaction in public discussion
    redaction.top       below the status notice of a redaction in any other status
    redaction.contents  <li> entries at the end of the table of contents
    redaction.part      under each part: `item` (a situation section, priority, action line
                        or task), `kind` ("section", "priority", "action_line", "task"),
                        `name` (how a resident calls it: its title or code) and `inline`
                        (true for a task, which is one line of its action line's list)
    redaction.end       sections after the indicators, before the steering group
"""

from core.panels import Registry

PANELS = Registry(
    "programmes",
    [
        "municipality.head",
        "municipality.sections",
        "programme.head",
        "programme.facts",
        "programme.sections",
        "redaction.head",
        "redaction.notice",
        "redaction.top",
        "redaction.contents",
        "redaction.part",
        "redaction.end",
    ],
)
