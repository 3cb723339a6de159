"""The database cache, with add() and incr() that hold across workers.

Production without Redis keeps the cache in PostgreSQL (settings.py), so the rate limits'
counts are shared by every worker. Django's own DatabaseCache is not enough for a counter:
its incr() is a get() then a set(), so two workers counting at once lose a count, and the
set() gives the key the default timeout, which moves the end of a rate-limit window; two
add() calls on an expired row both succeed. Here add() and incr() lock the row first
(SELECT … FOR UPDATE, in a transaction), and incr() keeps the key's expiry.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(db.DatabaseCache):
    def _locked_row(self, cursor, connection, key):
        """The row of `key` as (value, expires), locked until the transaction ends; or None."""
        quote = connection.ops.quote_name
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        cursor.execute(
            f"SELECT {quote('value')}, {quote('expires')} FROM {quote(self._table)} "
            f"WHERE {quote('cache_key')} = %s{lock}",
            [key],
        )
        row = cursor.fetchone()
        if row is None:
            return None
        value, expires = row
        expression = models.Expression(output_field=models.DateTimeField())
        converters = connection.ops.get_db_converters(expression)
        for converter in converters + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return connection.ops.process_clob(value), expires

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        validated = self.make_and_validate_key(key, version=version)
        using = router.db_for_write(self.cache_model_class)
        connection = connections[using]
        with transaction.atomic(using=using), connection.cursor() as cursor:
            # A second worker adding the same key waits here until the first commits, then
            # finds the key alive and adds nothing.
            self._locked_row(cursor, connection, validated)
            return self._base_set("add", validated, value, timeout)

    def incr(self, key, delta=1, version=None):
        validated = self.make_and_validate_key(key, version=version)
        using = router.db_for_write(self.cache_model_class)
        connection = connections[using]
        quote = connection.ops.quote_name
        with transaction.atomic(using=using), connection.cursor() as cursor:
            row = self._locked_row(cursor, connection, validated)
            if row is None or row[1] < now():
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {quote(self._table)} SET {quote('value')} = %s "
                f"WHERE {quote('cache_key')} = %s",
                [encoded, validated],
            )
        return value
