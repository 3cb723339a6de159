from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate


class CoreConfig(AppConfig):
    """The shared bottom layer. No models: it is an installed app for its template tags
    (`{% load formats %}`, `{% load panels %}`), its Latvian messages, and the page cache's
    watch on database writes (core/pagecache.py)."""

    name = "core"

    def ready(self):
        from .pagecache import resume_after_migrate, suspend_for_migrate, watch_writes

        connection_created.connect(watch_writes, dispatch_uid="core_pagecache_watch_writes")
        pre_migrate.connect(suspend_for_migrate, dispatch_uid="core_pagecache_suspend")
        post_migrate.connect(resume_after_migrate, dispatch_uid="core_pagecache_resume")
