"""A backend that answers from a second backend when the first fails before saying anything.

Like pydantic-ai's FallbackModel: `FallbackBackend(primary, fallback)` is itself a Backend.
It only falls back while nothing has reached the leader yet, and never on a configuration
error (a missing key should be fixed, not hidden). Each call returns a `ReplyStream` whose
`answered_by` and `fallback_reason` tell the engine which backend spoke, so the UI can say so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import ClassVar

from roleplay.backends.base import Backend, BackendConfigError, BackendError, PersonaPrompt

logger = logging.getLogger(__name__)


class ReplyStream(Iterator[str]):
    """The pieces of one reply, plus which backend produced them (known after the first)."""

    def __init__(self, pieces: Iterator[str], answered_by: str) -> None:
        self._pieces = pieces
        self.answered_by = answered_by
        #: the primary's error message when the fallback answered instead, else None
        self.fallback_reason: str | None = None

    @property
    def fell_back(self) -> bool:
        return self.fallback_reason is not None

    def __iter__(self) -> ReplyStream:
        return self

    def __next__(self) -> str:
        return next(self._pieces)

    def close(self) -> None:
        close = getattr(self._pieces, "close", None)
        if close is not None:
            close()


class FallbackBackend(Backend):
    """Use `primary`; if it fails before its first piece, let `fallback` answer."""

    name: ClassVar[str] = "fallback"
    description: ClassVar[str] = "A backend with a second one to answer when it fails"

    def __init__(self, primary: Backend, fallback: Backend) -> None:
        self.primary = primary
        self.fallback = fallback
        #: the ReplyStream of the latest call, for callers that only keep the backend
        self.last_reply: ReplyStream | None = None

    @property
    def needs_network(self) -> bool:  # type: ignore[override]
        return self.primary.needs_network or self.fallback.needs_network

    def describe(self) -> str:
        return f"{self.primary.describe()} (falls back to {self.fallback.describe()})"

    def sends_text_to(self) -> str | None:
        return self.primary.sends_text_to() or self.fallback.sends_text_to()

    def execute(self, prompt: PersonaPrompt) -> ReplyStream:
        reply = ReplyStream(iter(()), answered_by=self.primary.name)
        reply._pieces = self._pieces(prompt, reply)
        self.last_reply = reply
        return reply

    def _pieces(self, prompt: PersonaPrompt, reply: ReplyStream) -> Iterator[str]:
        primary = iter(self.primary.execute(prompt))
        try:
            first = next(primary)
        except StopIteration:
            return
        except BackendConfigError:
            raise
        except BackendError as exc:
            logger.warning(
                "%s failed before its first piece (%s); %s answers instead",
                self.primary.name,
                exc.user_message,
                self.fallback.name,
            )
            reply.answered_by = self.fallback.name
            reply.fallback_reason = exc.user_message
            try:
                yield from self.fallback.execute(prompt)
            except BackendError as fallback_exc:
                raise BackendError(
                    f"{exc.user_message} The fallback ({self.fallback.name}) failed too: "
                    f"{fallback_exc.user_message}",
                    retryable=exc.retryable or fallback_exc.retryable,
                ) from fallback_exc
            return
        yield first
        # once the leader has seen the primary's words, a later failure is the primary's
        yield from primary
