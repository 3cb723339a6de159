"""The models of programmes, one module per aggregate (split in the next commit)."""

from .redactions import *  # noqa: F403
