"""Panels: how a page shows what higher apps contribute, without naming them.

Dependencies point one way (DESIGN.md, Architecture): the programme page, which the
programmes app renders, may not include a template of the projects app or fetch its rows,
yet it shows the projects funding the programme. So the app that owns a page declares a
`Registry` of the places on its pages where others may add something (slots, named
"<page>.<place>", e.g. "redaction.part"), and a higher app registers a `Panel` into a slot
from its `AppConfig.ready()`: the template rendered there, and how to fetch what that
template shows.

- The owner's page templates render a slot with `{% load panels %}{% panels "page.place" %}`
  (core/templatetags/panels.py): every panel registered there, in order, with the page's
  context (and any values the tag passes, e.g. the part of a redaction it stands under).
- The owner's selector calls `registry.prefetch(page, objects)` once, after fetching the
  page's own rows: each panel's `prefetch(objects)` fetches onto those objects, in a fixed
  number of queries, what its template reads (as Django's own `Prefetch(to_attr=…)` does),
  so a page's query count stays fixed whatever the data. Panels sharing one prefetch
  function run it once.
- A panel that hangs on no object (the home page's) gives `context`: a function called when
  the panel is shown, returning the values its template needs.

This module imports no app: it is the mechanism; each app owns its registries
(programmes/panels.py, projects/panels.py, portal/panels.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

# slot → the registry that declares it, so that `{% panels %}` finds a slot by its name.
_SLOTS = {}


@dataclass(frozen=True)
class Panel:
    """What a higher app shows in a slot of a lower app's page."""

    name: str  # unique in its registry: registering a name again replaces the panel
    slot: str  # "<page>.<place>", one the registry declares
    template: str
    # objects → None: fetch onto the page's objects what the template reads (fixed queries)
    prefetch: Callable | None = None
    # () → dict: the values the template needs, fetched when the panel is shown
    context: Callable | None = None
    order: int = 0  # panels in a slot are shown by order, then name

    @property
    def page(self):
        return self.slot.partition(".")[0]


class Registry:
    """The slots of one app's pages and the panels other apps registered into them."""

    def __init__(self, owner, slots):
        self.owner = owner
        self.slots = frozenset(slots)
        self._panels = {}
        for slot in self.slots:
            if "." not in slot:
                raise ImproperlyConfigured(f"Panel slot {slot!r} is not named <page>.<place>.")
            declared = _SLOTS.setdefault(slot, self)
            if declared is not self:
                raise ImproperlyConfigured(
                    f"Panel slot {slot!r} is declared by {declared.owner} and {owner}."
                )

    def __repr__(self):
        return f"<Registry of {self.owner}: {', '.join(sorted(self.slots))}>"

    def register(self, *panels):
        for panel in panels:
            if panel.slot not in self.slots:
                raise ImproperlyConfigured(
                    f"{self.owner} has no panel slot {panel.slot!r} (panel {panel.name!r}); "
                    f"its slots: {', '.join(sorted(self.slots))}."
                )
            self._panels[panel.name] = panel

    def unregister(self, name):
        self._panels.pop(name, None)

    def in_slot(self, slot):
        """The panels of `slot`, in the order they are shown."""
        panels = [panel for panel in self._panels.values() if panel.slot == slot]
        return sorted(panels, key=lambda panel: (panel.order, panel.name))

    def prefetch(self, page, objects):
        """Let every panel on `page` fetch what it shows onto `objects` (the page's rows)."""
        done = set()
        for panel in sorted(self._panels.values(), key=lambda panel: (panel.order, panel.name)):
            if panel.page != page or panel.prefetch is None or panel.prefetch in done:
                continue
            done.add(panel.prefetch)
            panel.prefetch(objects)


def registry_for(slot):
    """The registry that declares `slot`; LookupError if none does."""
    try:
        return _SLOTS[slot]
    except KeyError:
        raise LookupError(f"No app declares the panel slot {slot!r}.") from None
