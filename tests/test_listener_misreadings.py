"""Cues that used to misread a turn (found in AnnoMI dev errors, round 6), written fresh here.

Each case names a label the turn must get and one it must not, for the rules and for the
default listener. These turns are not in any eval set and the label model never trains on
this file (evals.listening.TEST_EXAMPLES_FILE is tests/test_listener.py only).
"""

from __future__ import annotations

import pytest

from roleplay.listener import get_listener
from roleplay.listening.moves import with_head_reflection

# (lang, context, text, a label it must get or None, a label it must not get or None)
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # A verb-first question after "So" asks; it does not restate.
    ("en", "I've been dreading these reviews.", "So is there anything about them you do look forward to?", "closed_question", "summarize"),  # noqa: E501
    ("en", "The rota keeps changing.", "So would it help to sit down with the planner together?", "closed_question", "summarize"),  # noqa: E501
    # "How about" + a time or topic asks further; + an action suggests.
    ("en", "I was off sick most of March.", "How about the weeks since then?", "open_question", "premature_advice"),  # noqa: E501
    ("en", "I don't know how to fit it all in.", "How about blocking your mornings for deep work?", "premature_advice", "open_question"),  # noqa: E501
    # "How could you" + an option explores; + the deed reproaches.
    ("en", "I need to make the deadline somehow.", "How could you make that work with the team you have?", "open_question", "dismissive"),  # noqa: E501
    ("en", "I forgot to send the figures.", "How could you forget the figures again?", "dismissive", "open_question"),  # noqa: E501
    ("en", "I'd say I'm at a six.", "Why would you say six and not three?", "open_question", "dismissive"),  # noqa: E501
    ("en", "I don't get the fuss.", "Why would you say that?", "dismissive", "open_question"),
    # Asking for the employee's own ideas, or giving back what they feel they need, is not advice.
    ("en", "Honestly I'm stuck.", "Can you think of anything else you could try?", "closed_question", "premature_advice"),  # noqa: E501
    ("en", "I keep taking on everyone's work.", "You feel like you need to carry it all yourself.", "summarize", "premature_advice"),  # noqa: E501
    ("nl", "Ik neem alles maar op me.", "Je hebt het gevoel dat je het allemaal zelf moet dragen.", "summarize", "premature_advice"),  # noqa: E501
    ("en", "I keep taking on everyone's work.", "Don't you think you should say no more often?", "premature_advice", None),  # noqa: E501
    ("en", "I'm stuck with Mark.", "What you could do is talk to HR.", "premature_advice", None),
    ("nl", "Ik kom er met Mark niet uit.", "Iets wat je zou kunnen doen, is met HR praten.", "premature_advice", None),  # noqa: E501
    ("en", "I'm not sure where to start.", "Have you thought about asking Priya?", "premature_advice", None),  # noqa: E501
    ("en", "I keep putting it off.", "So, talk to me a bit more about what makes it hard.", None, "premature_advice"),  # noqa: E501
    ("nl", "Ik zie er erg tegenop.", "Heb je al nagedacht over wat je van mij nodig hebt?", "ask_expectation", "premature_advice"),  # noqa: E501
    ("nl", "Ik kom er niet uit.", "Je zou eens met Priya moeten praten.", "premature_advice", None),
    # Greetings and routine questions are not brush-offs.
    ("en", "Morning.", "Good to see you again.", None, "dismissive"),
    ("en", "I'm late, sorry.", "Late again.", "dismissive", None),
    ("en", "It's been chaos.", "What does a typical day look like for you right now?", "open_question", "dismissive"),  # noqa: E501
    ("en", "The client moved the launch.", "Right, so about how many hours did the change cost you?", "open_question", "dismissive"),  # noqa: E501
    ("en", "Can we talk about my workload?", "Right. Anyway, about the quarterly numbers.", "dismissive", None),  # noqa: E501
]  # fmt: skip

# The rules read these right; the label model used to add `premature_advice` from the words
# "have you thought about" / "je zou kunnen" until, in round 7, it may add a pitfall on its
# own only when it finds it more likely than not (training.MODEL_PITFALL_FLOOR).
QUESTIONS_FOR_THEIR_OWN_IDEAS = {
    "Have you thought about what you'd need from me?": ("en", "I'm not sure where to start."),
    "Is er nog iets anders dat je zou kunnen proberen?": ("nl", "Ik kom er niet uit."),
}


def _check(labels: list[str], wanted: str | None, unwanted: str | None) -> None:
    if wanted is not None:
        assert wanted in labels
    if unwanted is not None:
        assert unwanted not in labels


@pytest.mark.parametrize("listener", ["rules", "rules+model"])
@pytest.mark.parametrize(("lang", "context", "text", "wanted", "unwanted"), CASES)
def test_cue_reads_the_turn_as_it_is_meant(
    listener: str, lang: str, context: str, text: str, wanted: str | None, unwanted: str | None
) -> None:
    _check(get_listener(listener).label(text, context, lang), wanted, unwanted)


@pytest.mark.parametrize("listener", ["rules", "rules+model"])
@pytest.mark.parametrize("text", sorted(QUESTIONS_FOR_THEIR_OWN_IDEAS))
def test_a_question_for_the_employees_own_ideas_is_not_advice(listener: str, text: str) -> None:
    lang, context = QUESTIONS_FOR_THEIR_OWN_IDEAS[text]
    assert "premature_advice" not in get_listener(listener).label(text, context, lang)


def test_head_reflection_drops_only_the_label_models_dismissive() -> None:
    # the label model alone heard a brush-off in what the head reads as a reflection
    assert with_head_reflection(["dismissive"], rule_labels=["other"]) == ["summarize"]
    # the rules heard it too: it stays, next to the reflection
    assert with_head_reflection(["dismissive"], rule_labels=["dismissive"]) == [
        "summarize",
        "dismissive",
    ]
    assert with_head_reflection(["backing", "other"], rule_labels=["backing"]) == [
        "summarize",
        "backing",
    ]


@pytest.mark.parametrize(
    ("lang", "context", "text"),
    [
        ("en", "I was up till two again.", "It hasn't been easy for you lately."),
        ("en", "I don't know.", "It's not something you've decided yet."),
        pytest.param(
            "nl",
            "Ik lag weer tot twee uur wakker.",
            "Het is niet makkelijk voor je geweest.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known error since round 13: the move head scores reflection and other"
                " alike (0.53), so it adds no summary; since round 15 the rules read the"
                " reassurance, so the label model's dismissive (0.58) is no longer added",
            ),
        ),
    ],
)
def test_a_negated_reflection_is_not_dismissive(lang: str, context: str, text: str) -> None:
    labels = get_listener("rules+model").label(text, context, lang)
    assert "summarize" in labels
    assert "dismissive" not in labels
