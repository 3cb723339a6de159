"""The planners' side of development programmes (split by aggregate in the next commit)."""

from .redactions import *  # noqa: F403
