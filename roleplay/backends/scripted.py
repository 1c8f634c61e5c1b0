"""The `scripted` backend: persona replies composed from the scenario's authored lines, no model.

It reads `prompt.moment` (filled by the engine): the persona's mood, the leader's last
move, the fact to tell now and the authored lines for exactly that situation. A reply is
the move line, then the reveal line of the fact told now or else a mood line (when the
reply length allows), then on hard difficulty an evasive hedge. Choices are seeded from
the session and turn, so a conversation replays identically, and a line said in either
of the last two replies is not picked again while another variant is left.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from roleplay.backends.base import Backend, BackendError, PersonaPrompt

#: how many previous persona replies a line must not repeat
_AVOID_REPLIES = 2
_PIECE = re.compile(r"\S+\s*")


class ScriptedBackend(Backend):
    """Offline persona: authored lines, chosen by state and move, deterministic per turn."""

    name: ClassVar[str] = "scripted"
    description: ClassVar[str] = (
        "Offline: the persona answers with lines written for the scenario. "
        "No model, nothing leaves this computer."
    )
    can_stream: ClassVar[bool] = True
    needs_network: ClassVar[bool] = False

    def __init__(self, words_per_piece: int = 2) -> None:
        self.words_per_piece = max(1, words_per_piece)

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        text = self.compose(prompt)
        words = _PIECE.findall(text)
        for start in range(0, len(words), self.words_per_piece):
            yield "".join(words[start : start + self.words_per_piece])

    def compose(self, prompt: PersonaPrompt) -> str:
        """The whole reply for this prompt (what `execute` streams)."""
        moment = prompt.moment
        lines = moment.get("lines")
        if not isinstance(lines, dict):
            raise BackendError(
                "The scripted backend needs the scenario's authored lines in the prompt; "
                "use it through roleplay.engine.Conversation.",
                retryable=False,
            )
        seed = str(moment.get("seed", "0"))
        avoid = _recent_persona_text(prompt)

        def pick(slot: str, options: list[str]) -> str:
            return _pick(options, random.Random(_seed(seed, slot)), avoid)

        if moment.get("kind") == "opening":
            return pick("opening", _strings(lines.get("opening")))

        move = moment.get("move")
        parts: list[str] = []
        move_lines = _strings(lines.get("move"))
        if move and move_lines:
            parts.append(pick("move", move_lines))
        if move == "deflection":
            return _join(parts) or pick("state", _strings(lines.get("state")))

        reveal_lines: dict[str, Any] = lines.get("reveal") or {}
        revealing = [
            pick(f"reveal:{fact['id']}", _strings(reveal_lines.get(fact["id"])))
            for fact in moment.get("reveal_now", [])
            if _strings(reveal_lines.get(fact["id"]))
        ]
        parts.extend(revealing)
        budget = max(1, int(moment.get("reply_sentences", 3)) - 1)
        state_lines = _strings(lines.get("state"))
        if not revealing and len(parts) < budget and state_lines:
            parts.append(pick("state", state_lines))
        evasive_lines = _strings(lines.get("evasive"))
        if (
            moment.get("evasive")
            and not revealing
            and moment.get("mood") in ("guarded", "neutral")
            and evasive_lines
        ):
            parts.append(pick("evasive", evasive_lines))
        return _join(parts) or pick("state", state_lines)


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str) and item.strip()]


def _seed(seed: str, slot: str) -> int:
    digest = hashlib.sha256(f"{seed}|{slot}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _recent_persona_text(prompt: PersonaPrompt) -> str:
    replies = [message.content for message in prompt.messages if message.role == "assistant"]
    return "\n".join(replies[-_AVOID_REPLIES:])


def _pick(options: list[str], rng: random.Random, avoid: str) -> str:
    if not options:
        return ""
    fresh = [option for option in options if option not in avoid]
    return rng.choice(fresh or options)


def _join(parts: list[str]) -> str:
    return " ".join(part.strip() for part in parts if part.strip())
