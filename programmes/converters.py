"""URL converters of the public programme pages."""


class RedactionNumberConverter:
    """A redaction's number: 1 to 32767 (a PositiveSmallIntegerField).

    A longer or larger number matches no URL, so it is a 404 on every database instead of
    reaching a query that SQLite cannot bind (OverflowError) or PostgreSQL refuses.
    """

    regex = "[0-9]{1,5}"
    MAX = 32767

    def to_python(self, value):
        number = int(value)
        if not 1 <= number <= self.MAX:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
