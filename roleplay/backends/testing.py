"""A fake chat model for unit tests: it records every prompt and replies from a script.

`RecordingBackend` lets a test assert exactly what a model would have been sent (the
system prompt, the messages, the facts in `moment`) and make the model fail on cue,
before the first piece or half-way through a reply. Real-protocol tests use the servers
in tests/servers instead.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from roleplay.backends.base import Backend, BackendError, PersonaPrompt

Responder = Callable[[PersonaPrompt], str]


@dataclass(frozen=True)
class Failure:
    """A scripted failure: raise `error` after `after_pieces` pieces of `partial_reply`."""

    error: BackendError
    after_pieces: int = 0
    partial_reply: str = "Nou, eerlijk gezegd vind ik het lastig om"


ScriptedReply = str | BackendError | Failure


def split_into_pieces(text: str) -> list[str]:
    """Split like a streaming model does: words with their leading whitespace."""
    return re.findall(r"\s*\S+", text) or ([text] if text else [])


class RecordingBackend(Backend):
    """Replies from a queue of scripted replies and failures, recording every prompt."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    name: ClassVar[str] = "recording"
    description: ClassVar[str] = "A fake chat model for tests"

    def __init__(
        self,
        replies: Iterable[ScriptedReply] = (),
        *,
        default_reply: str | Responder = "Dat begrijp ik. Kun je daar meer over vertellen?",
    ) -> None:
        self.prompts: list[PersonaPrompt] = []
        self.default_reply = default_reply
        self._script: deque[ScriptedReply] = deque(replies)
        self._lock = threading.Lock()

    # -- scripting -------------------------------------------------------------------------

    def reply_with(self, *replies: ScriptedReply) -> RecordingBackend:
        """Queue replies (text, a BackendError to raise at once, or a Failure)."""
        with self._lock:
            self._script.extend(replies)
        return self

    def fail_next(
        self,
        message: str = "The model is unavailable (test failure).",
        *,
        after_pieces: int = 0,
        retryable: bool = True,
    ) -> RecordingBackend:
        """Make the next call fail, before its first piece or after `after_pieces` pieces."""
        error = BackendError(message, retryable=retryable)
        return self.reply_with(Failure(error, after_pieces=after_pieces))

    # -- what was sent ---------------------------------------------------------------------

    @property
    def last_prompt(self) -> PersonaPrompt:
        if not self.prompts:
            raise AssertionError("the backend has not been sent any prompt")
        return self.prompts[-1]

    @property
    def calls(self) -> int:
        return len(self.prompts)

    def sent_text(self) -> str:
        """Everything the last prompt put in front of the model, for `in` assertions."""
        prompt = self.last_prompt
        return "\n".join([prompt.system, *(message.content for message in prompt.messages)])

    # -- Backend ---------------------------------------------------------------------------

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        # recorded at call time (not on first iteration), and copied so later changes to
        # the caller's prompt cannot rewrite history
        with self._lock:
            self.prompts.append(prompt.model_copy(deep=True))
            scripted = self._script.popleft() if self._script else None
        return self._pieces(prompt, scripted)

    def _pieces(self, prompt: PersonaPrompt, scripted: ScriptedReply | None) -> Iterator[str]:
        if scripted is None:
            default = self.default_reply
            scripted = default(prompt) if callable(default) else default
        if isinstance(scripted, BackendError):
            raise scripted
        if isinstance(scripted, Failure):
            yield from split_into_pieces(scripted.partial_reply)[: scripted.after_pieces]
            raise scripted.error
        yield from split_into_pieces(scripted)
