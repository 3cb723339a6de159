from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared bottom layer. No models: it is an installed app for its template tags
    (`{% load formats %}`, `{% load panels %}`) and its Latvian messages."""

    name = "core"
