"""Scoring a conversation: from the listener's labels to rubric scores with evidence.

Scores are rates over the leader's turns (never counts), so a longer conversation is not
better for being longer. Every score carries its evidence (turn index and exact quote),
the rubric lines it met or missed, the article passage those lines rest on and, for the
weakest moments, a concrete better phrasing in the conversation's language.
Text that addresses the scorer is dropped by the listener and reported as ignored.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from typing import Any

from roleplay.listener import LABELS, Labelling, Listener, RuleListener, get_listener
from roleplay.listening.rules import _FEELING_WORD
from roleplay.listening.text import (
    guess_language,
    is_scorer_address,
    normalise,
    split_sentences,
)
from roleplay.scoring.report import (
    ArticlePassage,
    Dimension,
    Evidence,
    LineResult,
    Report,
    ReportTurn,
    Suggestion,
)
from roleplay.scoring.rubric import Rubric, RubricLine, load_rubric
from roleplay.types import Language, Transcript

log = logging.getLogger(__name__)

MAX_EVIDENCE_PER_LINE = 3
MAX_SUGGESTIONS = 5
QUOTE_LIMIT = 240


class ScoringError(ValueError):
    """The transcript or the labels given to the scorer are unusable."""


# ---------------------------------------------------------------- retrieval (cached)
_passage_cache: dict[tuple[str, str], ArticlePassage] = {}
_passage_lock = threading.Lock()


def _article_passage(line: RubricLine, language: Language, source: str) -> ArticlePassage:
    """The article passage for a rubric line: retrieved once per (query, language), else quoted."""
    key = (line.query, language)
    cached = _passage_cache.get(key)
    if cached is not None:
        return cached.model_copy(update={"line_id": line.id})
    try:
        from knowledge import query

        passages = query(line.query, k=1, language=language)
    except Exception as exc:  # the report must not fail because the index is unavailable
        log.warning("retrieval failed for rubric line %s: %s", line.id, exc)
        passages = []
    if passages:
        best = passages[0]
        passage = ArticlePassage(
            line_id=line.id,
            id=best.id,
            text=best.text,
            excerpt=_excerpt(best.text, line.quote),
            section=best.section,
            subsection=best.subsection,
            source=best.source,
            score=float(best.score),
            retrieved=True,
        )
        with _passage_lock:
            _passage_cache[key] = passage
        return passage
    return ArticlePassage(
        line_id=line.id,
        text=line.quote,
        excerpt=line.quote,
        section=line.section,
        source=source,
        retrieved=False,
    )


_WORDS = re.compile(r"\w{4,}")


def _excerpt(text: str, quote: str, limit: int = 360) -> str:
    """The paragraph of a passage that shares most words with the rubric line's quote."""
    paragraphs = [part.strip() for part in re.split(r"\n+", text) if part.strip()]
    if not paragraphs:
        return text[:limit]
    wanted = {word.lower() for word in _WORDS.findall(quote)}
    best = max(
        range(len(paragraphs)),
        key=lambda i: (len(wanted & {w.lower() for w in _WORDS.findall(paragraphs[i])}), -i),
    )
    excerpt = paragraphs[best]
    if len(excerpt) < 80 and best + 1 < len(paragraphs):
        excerpt = f"{excerpt} {paragraphs[best + 1]}"
    if len(excerpt) > limit:
        excerpt = excerpt[:limit].rsplit(" ", 1)[0] + " ..."
    return excerpt


def clear_passage_cache() -> None:
    with _passage_lock:
        _passage_cache.clear()


# ---------------------------------------------------------------- helpers
def _quote(text: str, preferred: str | None = None) -> str:
    """An exact substring of `text` to quote: the preferred sentence, else the first one."""
    candidate = preferred if preferred and preferred in text else None
    if candidate is None:
        sentences = split_sentences(text)
        candidate = sentences[0].raw if sentences else text.strip()
    if len(candidate) > QUOTE_LIMIT:
        candidate = candidate[:QUOTE_LIMIT].rsplit(" ", 1)[0] or candidate[:QUOTE_LIMIT]
    return candidate


def _echo(text: str, max_words: int = 15) -> str:
    sentences = split_sentences(text)
    first = sentences[0].raw if sentences else text.strip()
    words = first.split()
    echo = " ".join(words[:max_words])
    return echo.rstrip(".!?,;:") + ("..." if len(words) > max_words else "")


def _fill(template: str, echo: str) -> str:
    """Put the employee's own words into a better phrasing; without them, drop that part."""
    if echo:
        return template.replace("{echo}", echo)
    if "{echo}" not in template:
        return template
    kept = " ".join(
        part for part in re.split(r"(?<=[.!?])\s+", template) if "{echo}" not in part
    ).strip()
    return kept if len(kept) >= 15 else template.replace('"{echo}"', "...").replace("{echo}", "...")


def _preceding_employee_text(transcript: Transcript, index: int) -> str:
    for i in range(index - 1, -1, -1):
        if transcript.turns[i].role == "employee":
            return transcript.turns[i].text
    return ""


def _line_score(line: RubricLine, rate: float, present: bool) -> float:
    if line.is_penalty:
        return 1.0 - min(1.0, rate / line.max_rate)
    return line.presence_weight * float(present) + (1 - line.presence_weight) * min(
        1.0, rate / line.target_rate
    )


def _percent(value: float) -> int:
    return max(0, min(100, round(100 * value)))


def _resolve_labels(
    transcript: Transcript, labels: Sequence[Sequence[str]] | None, leader_indexes: list[int]
) -> dict[int, list[str]] | None:
    """Given labels, per leader turn or per turn, keyed by turn index (validated)."""
    if labels is None:
        return None
    given = list(labels)
    if len(given) == len(leader_indexes):
        pairs = list(zip(leader_indexes, given, strict=True))
    elif len(given) == len(transcript.turns):
        pairs = [(index, given[index]) for index in leader_indexes]
    else:
        raise ScoringError(
            f"labels: expected one list per leader turn ({len(leader_indexes)}) or per turn"
            f" ({len(transcript.turns)}), got {len(given)}"
        )
    resolved: dict[int, list[str]] = {}
    for index, turn_labels in pairs:
        if isinstance(turn_labels, str) or not all(isinstance(x, str) for x in turn_labels):
            raise ScoringError(f"labels for turn {index}: expected a list of label names")
        unknown = [label for label in turn_labels if label not in LABELS]
        if unknown:
            raise ScoringError(f"labels for turn {index}: unknown label(s) {unknown}")
        ordered = [label for label in LABELS if label in set(turn_labels)]
        resolved[index] = ordered or ["other"]
    return resolved


def _anchor_employee_turns(line: RubricLine, transcript: Transcript) -> list[int]:
    """Employee turns after which the missed behaviour would have fitted, best first."""
    employee = [(i, t.text) for i, t in enumerate(transcript.turns) if t.role == "employee"]
    answered = [(i, text) for i, text in employee if i + 1 < len(transcript.turns)]
    pool = answered or employee
    labels = line.labels
    if "name_unspoken" in labels:
        ranked = sorted(pool, key=lambda item: (*_withdrawal_rank(item[1]), item[0]))
    elif labels & {"state_expectation", "ask_expectation"}:
        ranked = sorted(pool, key=lambda item: -item[0])
    else:
        ranked = sorted(pool, key=lambda item: (-len(item[1].split()), item[0]))
        if "name_energy" in labels:
            ranked.sort(key=lambda item: not _has_feeling_word(item[1]))  # stable
    return [i for i, _ in ranked]


# What holding back sounds like in the employee's words: a shrug, trailing off (normalise
# turns "…" into "..."), a flat "fine", a stage direction for silence.
_WITHDRAWAL = re.compile(
    r"\b(i don'?t know|dunno|not sure|whatever|fine|i guess|doesn'?t matter|it'?s nothing"
    r"|weet ik (veel|niet)|ik weet (het )?niet|geen idee|maakt (mij |me )?niet uit|prima|boeit"
    r" (me |mij )?niet|zal wel|mwah|tja|laat maar)\b|\.\.\.|^\("
)


def _withdrawal_rank(text: str) -> tuple[bool, bool, int]:
    """Sort key for where naming the unspoken fits best: not after a question the employee
    asked (asking is engaging, not holding back), first where their words shrug or trail
    off, then the shortest answers."""
    stripped = text.strip()
    return (
        stripped.endswith("?"),
        not _WITHDRAWAL.search(normalise(stripped)),
        len(stripped.split()),
    )


def _has_feeling_word(text: str) -> bool:
    norm = normalise(text)
    return bool(_FEELING_WORD["nl"].search(norm) or _FEELING_WORD["en"].search(norm))


# ---------------------------------------------------------------- scoring
def score_transcript(
    transcript: Transcript | dict[str, Any],
    *,
    labels: Sequence[Sequence[str]] | None = None,
    listener: Listener | None = None,
    rubric: Rubric | None = None,
    with_passages: bool = True,
) -> Report:
    """Score a conversation against the rubric and return the report with its evidence.

    `labels` (optional) are the listener's labels computed earlier, one list per leader
    turn (or one per turn; employee entries are ignored); without them each leader turn is
    labelled now. `with_passages=False` skips retrieval and cites the rubric's own quotes.
    """
    if not isinstance(transcript, Transcript):
        try:
            transcript = Transcript.model_validate(transcript)
        except Exception as exc:
            raise ScoringError(f"Not a valid transcript: {exc}") from exc
    rubric = rubric or load_rubric()
    listener = listener or get_listener()
    language: Language = transcript.language
    leader_indexes = [i for i, turn in enumerate(transcript.turns) if turn.role == "leader"]
    given = _resolve_labels(transcript, labels, leader_indexes)
    explainer = listener if isinstance(listener, RuleListener) else RuleListener()

    report_turns: list[ReportTurn] = []
    turn_labels: dict[int, list[str]] = {}
    turn_evidence: dict[int, Labelling] = {}
    notes: list[str] = []
    injection_only: set[int] = set()
    previous_employee = ""
    for index, turn in enumerate(transcript.turns):
        if turn.role == "employee":
            report_turns.append(ReportTurn(index=index, role="employee", text=turn.text))
            previous_employee = turn.text
            continue
        turn_lang = guess_language(turn.text) or language
        explained = explainer.explain(turn.text, previous_employee, turn_lang)
        if given is not None:
            current = given[index]
        elif explainer is listener:
            current = explained.labels
        else:
            current = listener.label(turn.text, previous_employee, turn_lang)
        sentences = split_sentences(turn.text)
        ignored = [s.raw for s in sentences if is_scorer_address(s.norm)]
        if sentences and len(ignored) == len(sentences):
            # nothing in this turn speaks to the employee: it does not count at all
            injection_only.add(index)
        if ignored:
            notes.append(_text(language, "ignored").format(index=index, count=len(ignored)))
        turn_labels[index] = current
        turn_evidence[index] = explained
        report_turns.append(
            ReportTurn(
                index=index, role="leader", text=turn.text, labels=current, ignored_text=ignored
            )
        )

    scored_indexes = [i for i in leader_indexes if i not in injection_only]
    n_leader = len(scored_indexes)
    line_results: dict[str, LineResult] = {}
    line_evidence: dict[str, list[Evidence]] = {}
    raw_scores: dict[str, float] = {}
    for line in rubric.lines:
        hits = [i for i in scored_indexes if line.labels & set(turn_labels[i])]
        rate = len(hits) / n_leader if n_leader else 0.0
        score = _line_score(line, rate, bool(hits)) if n_leader else 0.0
        met = (not hits) if line.is_penalty else bool(hits)
        line_results[line.id] = LineResult(
            id=line.id,
            text=line.text.get(language),
            kind="penalty" if line.is_penalty else "reward",
            labels=sorted(line.labels, key=LABELS.index),
            met=met and n_leader > 0,
            score=_percent(score),
            rate=round(rate, 4),
            turns=len(hits),
        )
        raw_scores[line.id] = score
        evidence: list[Evidence] = []
        for i in hits[:MAX_EVIDENCE_PER_LINE]:
            matched = [label for label in turn_labels[i] if label in line.labels]
            preferred = next(
                (turn_evidence[i].evidence[m] for m in matched if m in turn_evidence[i].evidence),
                None,
            )
            evidence.append(
                Evidence(
                    turn_index=i,
                    quote=_quote(transcript.turns[i].text, preferred),
                    labels=matched,
                    line_id=line.id,
                    kind="pitfall" if line.is_penalty else "strength",
                )
            )
        line_evidence[line.id] = evidence

    # dimension and composite scores
    values: dict[str, float] = {}
    for key in rubric.evaluation_order():
        if key in rubric.composites:
            composite = rubric.composites[key]
            total = sum(composite.parts.values())
            value = sum(values[part] * w for part, w in composite.parts.items()) / total
            for part, strength in composite.damped_by.items():
                value *= 1 - strength + strength * values[part]
            values[key] = value
        else:
            lines = rubric.lines_for(key)
            total = sum(line.weight for line in lines)
            values[key] = sum(raw_scores[line.id] * line.weight for line in lines) / total
    if n_leader == 0:
        values = dict.fromkeys(values, 0.0)
        notes.insert(0, _text(language, "no_leader"))
    scores = {key: _percent(value) for key, value in values.items()}

    suggestions = _suggestions(
        rubric, transcript, language, turn_labels, turn_evidence, line_results
    )
    dimensions: dict[str, Dimension] = {}
    for key in rubric.evaluation_order():
        name = rubric.scores[key].get(language)
        if key in rubric.composites:
            continue
        lines = rubric.lines_for(key)
        dimensions[key] = Dimension(
            key=key,
            name=name,
            score=scores[key],
            lines=[line_results[line.id] for line in lines],
            evidence=[e for line in lines for e in line_evidence[line.id]],
            passages=(
                [_article_passage(line, language, rubric.source) for line in lines]
                if with_passages
                else [
                    ArticlePassage(
                        line_id=line.id,
                        text=line.quote,
                        excerpt=line.quote,
                        section=line.section,
                        source=rubric.source,
                        retrieved=False,
                    )
                    for line in lines
                ]
            ),
            suggestions=[s for s in suggestions if s.line_id in {line.id for line in lines}],
        )
    for key in rubric.evaluation_order():
        if key not in rubric.composites:
            continue
        composite = rubric.composites[key]
        children = [dimensions[part] for part in composite.dependencies()]
        dimensions[key] = Dimension(
            key=key,
            name=rubric.scores[key].get(language),
            score=scores[key],
            components={
                **composite.parts,
                **{f"damped_by:{k}": v for k, v in composite.damped_by.items()},
            },
            lines=[line for child in children for line in child.lines],
            evidence=[e for child in children for e in child.evidence][: 2 * len(children) + 2],
            passages=_unique_passages(p for child in children for p in child.passages),
            suggestions=_unique_suggestions(s for child in children for s in child.suggestions),
        )
    ordered = {key: dimensions[key] for key in rubric.scores}
    return Report(
        rubric_version=rubric.version,
        scenario=transcript.scenario,
        language=language,
        listener=listener.name,
        leader_turns=n_leader,
        scores={key: scores[key] for key in rubric.scores},
        turns=report_turns,
        dimensions=ordered,
        suggestions=_most_useful_first(suggestions)[:MAX_SUGGESTIONS],
        notes=notes,
        source=rubric.source,
    )


def _unique_passages(passages: Any) -> list[ArticlePassage]:
    seen: set[str] = set()
    unique: list[ArticlePassage] = []
    for passage in passages:
        key = passage.id or passage.text
        if key not in seen:
            seen.add(key)
            unique.append(passage)
    return unique


def _unique_suggestions(suggestions: Any) -> list[Suggestion]:
    seen: set[tuple[str, int | None]] = set()
    unique: list[Suggestion] = []
    for suggestion in suggestions:
        key = (suggestion.line_id, suggestion.turn_index)
        if key not in seen:
            seen.add(key)
            unique.append(suggestion)
    return unique


def _suggestions(
    rubric: Rubric,
    transcript: Transcript,
    language: Language,
    turn_labels: dict[int, list[str]],
    turn_evidence: dict[int, Labelling],
    line_results: dict[str, LineResult],
) -> list[Suggestion]:
    """The weakest moments first (pitfalls, most severe first), then missed behaviours."""
    if not turn_labels:
        return []
    pitfalls: list[tuple[float, int, Suggestion]] = []
    for line in rubric.lines:
        if not line.is_penalty or line.dimension != "pitfalls":
            continue
        for index, current in turn_labels.items():
            matched = [label for label in current if label in line.labels]
            if not matched:
                continue
            preferred = turn_evidence[index].evidence.get(matched[0])
            pitfalls.append(
                (
                    line.weight,
                    index,
                    Suggestion(
                        line_id=line.id,
                        kind="pitfall",
                        turn_index=index,
                        quote=_quote(transcript.turns[index].text, preferred),
                        issue=line.text.get(language),
                        better=_fill(
                            line.better.get(language),
                            _echo(_preceding_employee_text(transcript, index)),
                        ),
                    ),
                )
            )
    pitfalls.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[Suggestion] = []
    used_turns: set[int] = set()
    for _, index, suggestion in pitfalls:
        if index not in used_turns:
            used_turns.add(index)
            chosen.append(suggestion)

    missed = [
        line for line in rubric.lines if not line.is_penalty and line_results[line.id].score < 50
    ]
    overall_weight = _overall_weights(rubric)
    missed.sort(key=lambda line: -overall_weight.get(line.dimension, 0.0) * line.weight)
    for line in missed:
        # each better phrasing points at its own moment: skip turns already quoted
        employee_index: int | None = None
        leader_index: int | None = None
        for candidate in _anchor_employee_turns(line, transcript):
            following = _next_leader(transcript, candidate)
            if employee_index is None:
                employee_index, leader_index = candidate, following
            if following not in used_turns:
                employee_index, leader_index = candidate, following
                break
        if leader_index is not None:
            used_turns.add(leader_index)
        echo = _echo(transcript.turns[employee_index].text) if employee_index is not None else ""
        better = _fill(line.better.get(language), echo)
        chosen.append(
            Suggestion(
                line_id=line.id,
                kind="missed",
                turn_index=leader_index,
                quote=_quote(transcript.turns[leader_index].text)
                if leader_index is not None
                else None,
                issue=line.text.get(language),
                better=better,
            )
        )
    return chosen


def _next_leader(transcript: Transcript, employee_index: int) -> int | None:
    return next(
        (
            i
            for i in range(employee_index + 1, len(transcript.turns))
            if transcript.turns[i].role == "leader"
        ),
        None,
    )


def _most_useful_first(suggestions: list[Suggestion]) -> list[Suggestion]:
    """One suggestion per rubric line first (in the given order), then the repeats."""
    seen: set[str] = set()
    first: list[Suggestion] = []
    rest: list[Suggestion] = []
    for suggestion in suggestions:
        (rest if suggestion.line_id in seen else first).append(suggestion)
        seen.add(suggestion.line_id)
    return first + rest


def _overall_weights(rubric: Rubric) -> dict[str, float]:
    """Each plain dimension's effective weight in the overall score."""
    weights: dict[str, float] = {}

    def spread(key: str, weight: float) -> None:
        composite = rubric.composites.get(key)
        if not composite:
            weights[key] = weights.get(key, 0.0) + weight
            return
        total = sum(composite.parts.values())
        for part, part_weight in composite.parts.items():
            spread(part, weight * part_weight / total)

    spread("overall", 1.0)
    return weights


_TEXTS: dict[str, dict[Language, str]] = {
    "no_leader": {
        "nl": "Er is geen beurt van de leidinggevende om te beoordelen; alle scores zijn 0.",
        "en": "There is no leader turn to score; all scores are 0.",
    },
    "ignored": {
        "nl": (
            "Beurt {index}: {count} zin(nen) richtte(n) zich tot de beoordelaar"
            " en telde(n) niet mee."
        ),
        "en": "Turn {index}: {count} sentence(s) addressed the scorer and did not count.",
    },
}


def _text(language: Language, key: str) -> str:
    return _TEXTS[key][language]
