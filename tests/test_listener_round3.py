"""Round 3 of the rule listener: broader Dutch and English lexicons (energy idioms, the
leader's own doubts, backing, brushing off, expectations, summaries).

The phrasings were written from general language knowledge for this test, not copied from
any evaluation case; each asserts one label that must be present or absent.
"""

from __future__ import annotations

import pytest

from roleplay.listener import get_listener, label_turn

PRESENT: list[tuple[str, str, str]] = [
    ("nl", "Je lijkt echt op, je zit er helemaal doorheen.", "name_energy"),
    ("nl", "Je komt wat onrustig over vandaag.", "name_energy"),
    ("nl", "Er hangt een gespannen sfeer in de kamer.", "name_energy"),
    ("nl", "Het werd ineens stil in de groep.", "name_energy"),
    ("nl", "Het zit je echt dwars.", "name_energy"),
    ("nl", "Ik zie dat je ogen vol schieten.", "name_energy"),
    ("en", "You look wiped out.", "name_energy"),
    ("en", "You seem on edge today.", "name_energy"),
    ("en", "You sighed just now.", "name_energy"),
    ("en", "I can tell this has really upset you.", "name_energy"),
    ("en", "You seem a bit down today.", "name_energy"),
    ("nl", "Eerlijk gezegd twijfel ik zelf ook.", "self_disclosure"),
    ("nl", "Ik heb hier ook geen pasklaar antwoord op.", "self_disclosure"),
    ("nl", "Voor mij is dit ook niet makkelijk.", "self_disclosure"),
    ("en", "Honestly, I feel a bit lost here as well.", "self_disclosure"),
    ("en", "This isn't easy for me either.", "self_disclosure"),
    ("en", "I got it wrong last week.", "self_disclosure"),
    ("nl", "Dat neem ik op mij.", "backing"),
    ("nl", "Dat waardeer ik enorm.", "backing"),
    ("nl", "Neem gerust je tijd, ik ben er.", "backing"),
    ("en", "That's on me, not on you.", "backing"),
    ("en", "You can always come to me.", "backing"),
    ("en", "You're doing really well.", "backing"),
    ("nl", "Had je maar eerder aan de bel getrokken.", "dismissive"),
    ("nl", "Je maakt van een mug een olifant.", "dismissive"),
    ("nl", "Tja, pech gehad.", "dismissive"),
    ("en", "That's policy.", "dismissive"),
    ("en", "You're being oversensitive.", "dismissive"),
    ("en", "You're making a mountain out of a molehill.", "dismissive"),
    ("nl", "Het is de bedoeling dat je elke ochtend incheckt.", "state_expectation"),
    ("nl", "Mijn vraag aan jou is om elke week te rapporteren.", "state_expectation"),
    ("en", "Being on time is non-negotiable.", "state_expectation"),
    ("en", "My ask is that you loop me in before you send anything.", "state_expectation"),
    ("nl", "Kort gezegd: de planning klopt niet.", "summarize"),
    ("nl", "Het komt er dus op neer dat je meer ruimte wilt.", "summarize"),
    ("en", "Let me play that back to you.", "summarize"),
    ("en", "So the bottom line is you want more time.", "summarize"),
    ("en", "ok so what would u need from me?", "ask_expectation"),
]

ABSENT: list[tuple[str, str, str]] = [
    ("nl", "Ik zie dat de printer kapot is.", "name_energy"),
    ("en", "That's the policy, and let me explain why it's there.", "dismissive"),
    ("en", "In my day-to-day I see a lot of this.", "dismissive"),
    ("en", "I'll need your input on the plan.", "state_expectation"),
    ("nl", "Fouten maken hoort erbij.", "dismissive"),
    ("nl", "Je bent op tijd, fijn.", "name_energy"),
    ("nl", "Ik merk dat ik het lastig vind, ik ben er zelf ook zenuwachtig van.", "backing"),
    ("en", "Take your time.", "premature_advice"),
    ("nl", "Het lijkt me dat je je eenzaam voelt, of zit ik ernaast?", "check_assumption"),
    ("nl", "Ik zei het toen ik dat zei, meer niet.", "self_disclosure"),
]


@pytest.mark.parametrize(("lang", "text", "label"), PRESENT)
def test_broader_lexicon_finds_the_label(lang: str, text: str, label: str) -> None:
    assert label in label_turn(text, "", lang)


@pytest.mark.parametrize(("lang", "text", "label"), ABSENT)
def test_broader_lexicon_keeps_hard_negatives_out(lang: str, text: str, label: str) -> None:
    assert label not in label_turn(text, "", lang)


@pytest.mark.parametrize(("lang", "text", "label"), ABSENT)
def test_rules_alone_keep_hard_negatives_out(lang: str, text: str, label: str) -> None:
    assert label not in get_listener("rules").label(text, "", lang)
