"""One practice conversation: opening, leader turns, streamed persona replies, rewind, end.

`Conversation` is a plain object (no Streamlit) that an app keeps in its session state.
Each leader turn is validated, labelled by the listener, applied to the persona state,
stored, and only then sent to the backend, so a failing model never loses what the
leader typed. A reply that breaks off is discarded whole; `retry_reply()` asks again.
The listener, the article retrieval, the scorer and the store are all injectable.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from roleplay.attacks import detect_attack
from roleplay.backends.base import Backend, BackendError, PersonaPrompt
from roleplay.persona import FactEvent, PersonaState, TurnEffect
from roleplay.prompting import build_prompt
from roleplay.scenarios import DIFFICULTIES, Difficulty, Scenario, load_scenario
from roleplay.types import LANGUAGES, ConversationLog, Language, Role, Transcript, Turn

logger = logging.getLogger(__name__)

MAX_LEADER_CHARS = 2000

Labeller = Callable[..., list[str]]
"""`label_turn(text, context="", lang=None) -> list[str]`, as roleplay.listener has it."""


class Retriever(Protocol):
    """`query(text, k=3, language=None) -> list[Passage]`, as knowledge.query has it."""

    def __call__(self, text: str, k: int = 3, language: str | None = None) -> Sequence[Any]: ...


Scorer = Callable[[Transcript], Any]


class ConversationError(ValueError):
    """Something the user can fix; `code` is stable for translation, the message is English."""

    code = "conversation_error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
        if code is not None:
            self.code = code


class InvalidLeaderInput(ConversationError):
    """The leader's line is empty or too long."""

    code = "invalid_input"


class ConversationStateError(ConversationError):
    """The action does not fit the conversation's state (e.g. a reply is still owed)."""

    code = "invalid_state"


class ReplyFailed(BackendError):
    """The persona's reply failed; the leader's line is kept. The cause is `__cause__`.

    `reason` is the backend's own message; `user_message` adds what happens next.
    """

    def __init__(self, reason: str, *, retryable: bool = True) -> None:
        self.reason = reason.rstrip()
        super().__init__(
            f"{self.reason} Your line was kept: try the reply again"
            + ("." if retryable else " after fixing this."),
            retryable=retryable,
        )


#: the embedding model's cost grows with length; a turn's gist is in its first sentences
RETRIEVAL_QUERY_CHARS = 400


def clean_leader_text(text: object, limit: int = MAX_LEADER_CHARS) -> str:
    """The leader's line without control characters (newlines kept), or InvalidLeaderInput."""
    if not isinstance(text, str):
        raise InvalidLeaderInput("Your line must be text.", code="not_text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
    text = unicodedata.normalize("NFC", text).strip()
    # zero-width spaces, BOMs and other format characters are invisible: a line of only
    # those is as empty as a line of spaces
    if all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text):
        raise InvalidLeaderInput(
            "Your line is empty: type what you want to say to the employee.", code="empty_input"
        )
    if len(text) > limit:
        raise InvalidLeaderInput(
            f"Your line is {len(text)} characters long; the limit is {limit}. "
            "Shorten it or say it in two turns.",
            code="input_too_long",
            length=len(text),
            limit=limit,
        )
    return text


@dataclass
class ConversationTurn:
    """One turn as the conversation keeps it, with what the engine knew at that moment."""

    role: Role
    text: str
    #: listener labels (leader turns)
    labels: list[str] = field(default_factory=list)
    #: persona state after this turn (`PersonaState.to_dict()`)
    state: dict[str, Any] = field(default_factory=dict)
    #: article passages retrieved for this moment (leader turns), as dicts
    passages: list[dict[str, Any]] = field(default_factory=list)
    #: facts told in this reply (employee turns)
    revealed: list[str] = field(default_factory=list)
    #: the leader tried to break the role or left the scene
    attack: str | None = None
    #: id in the ConversationLog, when stored
    log_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "text": self.text,
            "labels": list(self.labels),
            "state": dict(self.state),
            "passages": list(self.passages),
            "revealed": list(self.revealed),
            "attack": self.attack,
        }


@dataclass
class _LeaderStep:
    """What undoing or redoing the last leader turn needs."""

    state_before: PersonaState
    state_after: PersonaState
    effect: TurnEffect
    passages: list[Any]
    attempts: int = 0


def _default_labeller() -> Labeller:
    from roleplay.listener import label_turn

    return label_turn


def _default_retriever() -> Retriever:
    from knowledge import query

    retriever: Retriever = query
    return retriever


def _default_scorer() -> Scorer:
    from roleplay.scoring import score_transcript

    return score_transcript


def resolve_backend(name: str | None = None) -> Backend:
    """The backend by name (None: $OEFENGESPREK_BACKEND, default scripted) via the registry."""
    try:
        from roleplay.backends.registry import get_backend
    except ImportError:  # the registry is optional for the offline backend
        if name in (None, "scripted"):
            from roleplay.backends.scripted import ScriptedBackend

            return ScriptedBackend()
        raise
    return get_backend(name)


def _passage_dict(passage: Any) -> dict[str, Any]:
    if isinstance(passage, dict):
        return dict(passage)
    to_dict = getattr(passage, "to_dict", None)
    if callable(to_dict):
        result: dict[str, Any] = to_dict()
        return result
    return {"text": str(passage)}


def report_to_dict(report: Any) -> dict[str, Any] | None:
    """A scorer report as JSON-able data for the store, whatever shape the scorer uses."""
    if report is None:
        return None
    for method in ("to_dict", "model_dump"):
        function = getattr(report, method, None)
        if callable(function):
            try:
                data = function(mode="json") if method == "model_dump" else function()
            except TypeError:
                data = function()
            if isinstance(data, dict):
                return data
    if isinstance(report, dict):
        return report
    return {"report": str(report)}


class Conversation:
    """A practice conversation between the leader and the scenario's persona.

    Typical use::

        conversation = Conversation("disengaged-employee", language="nl")
        print("".join(conversation.start()))
        for piece in conversation.say("Hoe gaat het met je?"):
            print(piece, end="")
        report = conversation.end()
    """

    def __init__(
        self,
        scenario: Scenario | str,
        *,
        language: Language = "nl",
        difficulty: Difficulty = "normal",
        backend: Backend | str | None = None,
        log: ConversationLog | None = None,
        user_id: int | None = None,
        labeller: Labeller | None = None,
        retriever: Retriever | None = None,
        scorer: Scorer | None = None,
        passages_k: int = 3,
        seed: str | None = None,
    ) -> None:
        if language not in LANGUAGES:
            raise ConversationError(
                f"Unknown language {language!r}; use one of: {', '.join(LANGUAGES)}.",
                code="unknown_language",
            )
        if difficulty not in DIFFICULTIES:
            raise ConversationError(
                f"Unknown difficulty {difficulty!r}; use one of: {', '.join(DIFFICULTIES)}.",
                code="unknown_difficulty",
            )
        self.scenario = load_scenario(scenario) if isinstance(scenario, str) else scenario
        self.language: Language = language
        self.difficulty: Difficulty = difficulty
        self.backend = backend if isinstance(backend, Backend) else resolve_backend(backend)
        self.log = log
        self.user_id = user_id
        self._labeller = labeller
        self._retriever = retriever
        self._scorer = scorer
        self.passages_k = passages_k
        self._seed = seed
        self.state = PersonaState(self.scenario, difficulty)
        self.turns: list[ConversationTurn] = []
        self.session_id: int | None = None
        self.report: Any = None
        self._steps: list[_LeaderStep] = []
        self._opening_attempts = 0
        self._started = False
        self._ended = False

    # --- public state -----------------------------------------------------------------

    @property
    def started(self) -> bool:
        """The opening line has been said."""
        return self._started

    @property
    def ended(self) -> bool:
        return self._ended

    @property
    def awaiting_reply(self) -> bool:
        """The last leader turn has no reply yet (the backend failed or was interrupted)."""
        return bool(self.turns) and self.turns[-1].role == "leader"

    @property
    def revealed(self) -> list[FactEvent]:
        """Facts the persona has told, in order, with turn and rule."""
        return list(self.state.revealed.values())

    @property
    def seed(self) -> str:
        if self._seed is not None:
            return self._seed
        return str(self.session_id) if self.session_id is not None else "0"

    def facts_overview(self) -> list[dict[str, Any]]:
        """Every hidden fact and whether, when and why it was told: for the feedback page.

        It lists facts the persona kept to itself, so show it only once the conversation
        has ended (the engine never puts it in a prompt).
        """
        overview = []
        for fact in self.scenario.hidden_facts:
            event = self.state.revealed.get(fact.id)
            overview.append(
                {
                    "id": fact.id,
                    "is_core_concern": fact.is_core_concern,
                    "text": fact.text.get(self.language),
                    "rule": fact.reveal.rule,
                    "revealed": event is not None,
                    "turn": event.turn if event else None,
                    "reason": event.reason if event else None,
                }
            )
        return overview

    def transcript(self) -> Transcript:
        return Transcript(
            scenario=self.scenario.id,
            language=self.language,
            turns=[Turn(role=turn.role, text=turn.text) for turn in self.turns],
        )

    # --- the conversation -------------------------------------------------------------

    def start(self) -> Iterator[str]:
        """Open the conversation: the persona's first words, streamed."""
        self._check_open()
        if self._started:
            raise ConversationStateError(
                "The conversation has already started.", code="already_started"
            )
        if self.log is not None and self.session_id is None:
            self.session_id = self.log.create_session(
                user_id=self.user_id,
                scenario_id=self.scenario.id,
                language=self.language,
                difficulty=self.difficulty,
                backend=self.backend.name,
            )
        self._opening_attempts += 1
        prompt = build_prompt(
            self.scenario,
            self.state,
            self.language,
            [],
            move=None,
            reveal_now=[],
            seed=f"{self.seed}:0:{self._opening_attempts}",
            opening=True,
        )
        return self._stream(prompt, self._finish_opening)

    def say(self, text: str) -> Iterator[str]:
        """The leader's turn: validated, labelled and stored now; the reply streams from the result.

        Raises InvalidLeaderInput (nothing changes) or ConversationStateError before any
        backend call. The returned iterator raises BackendError if the reply fails; the
        leader turn is kept and `retry_reply()` asks again.
        """
        self._check_open()
        if not self._started:
            raise ConversationStateError(
                "Start the conversation first: the employee has not said anything yet.",
                code="not_started",
            )
        if self.awaiting_reply:
            raise ConversationStateError(
                "The employee has not answered your last line yet: retry the reply, or "
                "rewind your last line to change it.",
                code="reply_pending",
            )
        cleaned = clean_leader_text(text)
        context = self.turns[-1].text if self.turns else ""
        attack = detect_attack(cleaned)
        labels = self._label(cleaned, context)
        state_before = self.state.snapshot()
        effect = self.state.apply_leader_turn(cleaned, labels, attack=attack is not None)
        passages = [] if attack else self._retrieve(cleaned)
        turn = ConversationTurn(
            role="leader",
            text=cleaned,
            labels=labels,
            state=self.state.to_dict(),
            passages=[_passage_dict(p) for p in passages],
            attack=attack,
        )
        # Stored before any backend call: a failing model must not lose what the leader typed.
        try:
            turn.log_id = self._store(turn)
        except BaseException:
            self.state = state_before  # an unsaved turn must not count
            raise
        self.turns.append(turn)
        self._steps.append(_LeaderStep(state_before, self.state.snapshot(), effect, passages))
        return self._reply()

    def reply(self, text: str) -> str:
        """`say()` and wait for the whole reply."""
        return "".join(self.say(text))

    def retry_reply(self) -> Iterator[str]:
        """Produce the persona's reply to the last leader turn again.

        After a failed or interrupted reply this asks again; after a complete reply it
        replaces it (the old one is retracted). The leader turn is never added twice.
        """
        self._check_open()
        if not self._steps:
            raise ConversationStateError(
                "There is no leader line to reply to yet.", code="nothing_to_retry"
            )
        if not self.awaiting_reply:
            self._retract([self.turns[-1]])
            self.turns.pop()
        self.state = self._steps[-1].state_after.snapshot()
        return self._reply()

    def rewind(self) -> str:
        """Take back the last leader line (and its reply); returns the line so it can be edited."""
        self._check_open()
        if not self._steps:
            raise ConversationStateError(
                "There is no leader line to take back.", code="nothing_to_rewind"
            )
        leader_index = max(i for i, turn in enumerate(self.turns) if turn.role == "leader")
        # Retracted in the store first, so a storage failure leaves both sides unchanged.
        self._retract(self.turns[leader_index:])
        leader = self.turns[leader_index]
        del self.turns[leader_index:]
        step = self._steps.pop()
        self.state = step.state_before.snapshot()
        return leader.text

    def end(self) -> Any:
        """Finish the conversation and hand the transcript to the scorer; returns its report."""
        self._check_open()
        scorer = self._scorer or _default_scorer()
        report = scorer(self.transcript())
        self.report = report
        self._ended = True
        if self.log is not None and self.session_id is not None:
            self.log.finish_session(self.session_id, report_to_dict(report))
        return report

    # --- internals ------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._ended:
            raise ConversationStateError(
                "This conversation has ended; start a new one to practise again.",
                code="conversation_ended",
            )

    def _label(self, text: str, context: str) -> list[str]:
        if self._labeller is None:
            self._labeller = _default_labeller()
        labels = list(self._labeller(text, context=context, lang=self.language))
        return labels or ["other"]

    def _retrieve(self, text: str) -> list[Any]:
        if self.passages_k <= 0:
            return []
        if self._retriever is None:
            try:
                self._retriever = _default_retriever()
            except ImportError as exc:
                logger.warning("article retrieval unavailable, replying without it: %s", exc)
                self.passages_k = 0
                return []
        # the leader's own line says what the moment is about; adding the persona's line
        # doubled the embedding cost per turn (measured in `python -m evals bench`)
        query_text = text[:RETRIEVAL_QUERY_CHARS]
        try:
            return list(self._retriever(query_text, k=self.passages_k, language=self.language))
        except Exception as exc:  # grounding is an aid; a broken index must not stop the talk
            logger.warning("article retrieval failed, replying without it: %s", exc)
            return []

    def _store(self, turn: ConversationTurn) -> int | None:
        if self.log is None or self.session_id is None:
            return None
        extra = {"passages": turn.passages, "revealed": turn.revealed, "attack": turn.attack}
        return self.log.add_turn(
            self.session_id,
            role=turn.role,
            text=turn.text,
            labels=turn.labels or None,
            state={**turn.state, **extra},
        )

    def _retract(self, turns: list[ConversationTurn]) -> None:
        ids = [turn.log_id for turn in turns if turn.log_id is not None]
        if ids and self.log is not None and self.session_id is not None:
            self.log.retract_turns(self.session_id, ids)

    def _reply(self) -> Iterator[str]:
        step = self._steps[-1]
        step.attempts += 1
        leader = self.turns[-1]
        reveal_now = self.state.facts_to_reveal_now()
        prompt = build_prompt(
            self.scenario,
            self.state,
            self.language,
            self.transcript().turns,
            move=step.effect.move,
            reveal_now=reveal_now,
            passages=step.passages,
            seed=f"{self.seed}:{self.state.turn}:{step.attempts}",
            attack=leader.attack is not None,
        )

        def finish(text: str) -> None:
            self._finish_reply(text, [fact.id for fact in reveal_now])

        return self._stream(prompt, finish)

    def _stream(self, prompt: PersonaPrompt, finish: Callable[[str], None]) -> Iterator[str]:
        pieces: list[str] = []
        try:
            for piece in self.backend.execute(prompt):
                if piece:
                    pieces.append(piece)
                    yield piece
        except BackendError as exc:
            # The partial reply is dropped; the leader's line stays for retry_reply().
            raise ReplyFailed(exc.user_message, retryable=exc.retryable) from exc
        except Exception as exc:
            raise ReplyFailed(
                f"The {self.backend.name} backend failed unexpectedly "
                f"({type(exc).__name__}: {exc})."
            ) from exc
        text = "".join(pieces).strip()
        if not text:
            raise ReplyFailed(f"The {self.backend.name} backend sent an empty reply.")
        finish(text)

    def _finish_opening(self, text: str) -> None:
        turn = ConversationTurn(role="employee", text=text, state=self.state.to_dict())
        turn.log_id = self._store(turn)
        self.turns.append(turn)
        self._started = True

    def _finish_reply(self, text: str, fact_ids: list[str]) -> None:
        before = self.state.snapshot()
        self.state.mark_revealed(fact_ids)
        turn = ConversationTurn(
            role="employee", text=text, state=self.state.to_dict(), revealed=list(fact_ids)
        )
        try:
            turn.log_id = self._store(turn)
        except BaseException:
            self.state = before  # the reply stays owed; retry_reply() asks again
            raise
        self.turns.append(turn)
