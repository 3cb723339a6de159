"""Demo data from the seeds (filled in by the app's own work)."""


def load():
    pass
