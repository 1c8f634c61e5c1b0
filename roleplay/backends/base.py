"""The one small interface every persona backend implements, and the errors it may raise.

Modelled on simonw/llm: a backend is a class with capability flags and one `execute`
method that yields the reply in pieces. Built-in backends register themselves through
the same registry that a plug-in would use (see `roleplay.backends.registry`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field

from roleplay.types import Language


class Message(BaseModel):
    """One chat message as a chat model sees it."""

    role: Literal["system", "user", "assistant"]
    content: str


class PersonaPrompt(BaseModel):
    """Everything a backend is sent for one persona reply.

    `system` and `messages` are for language-model backends. `moment` carries the same
    situation as structured data (scenario id, persona state, the leader's last move,
    the facts that may be revealed now) for backends that compose replies without a model.
    A fact the persona may not reveal yet is never in either.
    """

    system: str
    messages: list[Message] = Field(default_factory=list)
    language: Language = "nl"
    moment: dict[str, Any] = Field(default_factory=dict)
    max_tokens: int = 220
    temperature: float = 0.7


class BackendError(RuntimeError):
    """A reply could not be produced. `user_message` is safe and specific enough to show."""

    def __init__(self, user_message: str, *, retryable: bool = True) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.retryable = retryable


class BackendConfigError(BackendError):
    """The backend is not configured (a missing key, model path or package)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message, retryable=False)


class Backend(ABC):
    """A source of persona replies."""

    name: ClassVar[str]
    description: ClassVar[str] = ""
    can_stream: ClassVar[bool] = True
    needs_network: ClassVar[bool] = False
    #: the environment variable holding the key, when the backend needs one
    key_env: ClassVar[str | None] = None

    @abstractmethod
    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        """Yield the reply text in pieces; raise BackendError on failure."""

    def describe(self) -> str:
        """A one-line, user-facing statement of what this backend is and where text goes."""
        return self.description or self.name

    def sends_text_to(self) -> str | None:
        """Where the conversation text is sent, or None when it never leaves this machine.

        The UI shows this next to the conversation, so a leader knows who reads along.
        """
        return "a remote model service" if self.needs_network else None

    @classmethod
    def unavailable_reason(cls) -> str | None:
        """Why this backend cannot be built right now (what to install or set), or None.

        Cheap to call: the registry asks every backend when it lists them for the UI.
        """
        return None
