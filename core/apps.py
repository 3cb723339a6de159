from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    """The shared bottom layer. No models: it is an installed app for its template tags
    (`{% load formats %}`, `{% load panels %}`), its Latvian messages, and the page cache's
    watch on database writes (core/pagecache.py)."""

    name = "core"

    def ready(self):
        from .pagecache import watch_writes

        connection_created.connect(watch_writes, dispatch_uid="core_pagecache_watch_writes")
