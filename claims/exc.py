"""The one exception root of the claims package, and its few subclasses.

Every error raised by ``claims`` is a :class:`ClaimsError`; the subclasses also inherit the
builtin a generic caller would catch (``OSError`` for files that cannot be read,
``ValueError`` for content that cannot be understood).
"""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class of every error raised by the claims package."""


class ReadError(ClaimsError, OSError):
    """An article could not be read; the message names the file. Retrying will not help
    unless the file or its permissions change."""


class DecodeError(ReadError, ValueError):
    """An article's bytes are not UTF-8 text (binary, or another encoding)."""


class ExportError(ClaimsError, ValueError):
    """Claims could not be written in the requested format."""
