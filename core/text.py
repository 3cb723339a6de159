"""Text as search compares it: lower case, without diacritics (`livanu` finds "Līvānu")."""

import unicodedata


def fold(text):
    """Lower-case `text` and drop diacritics (ā → a, Š → s): the one folding every search
    uses, for the words searched for and for the text stored to be searched."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
