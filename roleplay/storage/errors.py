"""Storage errors: each has a stable `code` for the app to translate, and English text."""

from __future__ import annotations


class StorageError(RuntimeError):
    """The database cannot be used (damaged, locked, unreachable); the message says what to do."""

    code = "storage_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFound(LookupError):
    """The record does not exist, or the actor may not know that it exists.

    Both cases give the same message on purpose, so changing an id in a URL reveals nothing.
    """

    code = "not_found"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"No {kind} {key!r} found.")
        self.kind = kind
        self.key = key
        self.message = str(self)


class Conflict(ValueError):
    """A write would break a uniqueness rule (an email already used, a member already added)."""

    code = "conflict"

    def __init__(self, message: str, *, code: str = "conflict") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidInput(ValueError):
    """A value the caller passed is not acceptable; `field` names it for the form."""

    code = "invalid_input"

    def __init__(self, message: str, *, code: str = "invalid_input", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
