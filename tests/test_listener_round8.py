"""Misreadings fixed in listener round 8 (roleplay/LISTENING.md), written fresh here.

Each case names a label the turn must get and one it must not, for the rules and for the
default listener. These turns are not in any eval set and the label model never trains on
this file (evals.listening.TEST_EXAMPLES_FILE is tests/test_listener.py only).
"""

from __future__ import annotations

import pytest

from roleplay.listener import get_listener

# (lang, context, text, a label it must get or None, a label it must not get or None)
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # Information the leader gives restates nothing the employee said, even after "So".
    ("en", "Why does everyone have to come in on Tuesdays?", "So the policy says every team is in the office two days a week.", None, "summarize"),  # noqa: E501
    ("nl", "Waarom moeten we op dinsdag allemaal komen?", "Dus het beleid is dat elk team twee dagen per week op kantoor is.", None, "summarize"),  # noqa: E501
    ("en", "I skip lunch most days, there's no time.", "So research shows that people who take a real break get more done in the afternoon.", None, "summarize"),  # noqa: E501
    ("nl", "Ik sla de lunch meestal over, geen tijd.", "Dus uit onderzoek blijkt dat mensen die echt pauze nemen 's middags meer gedaan krijgen.", None, "summarize"),  # noqa: E501
    ("en", "I don't get how the bonus works.", "So let me explain how the bonus round works this year.", None, "summarize"),  # noqa: E501
    ("nl", "Ik snap niet hoe die bonus werkt.", "Dus laat me even uitleggen hoe de bonusronde dit jaar werkt.", None, "summarize"),  # noqa: E501
    ("en", "The first month here was rough.", "So it tends to take new starters about three months to find their feet.", None, "summarize"),  # noqa: E501
    # ... while a restatement of their situation after "So" still is one.
    ("en", "Since Sam left I've been doing his shifts as well as mine.", "So for almost a month now you've been carrying two rosters.", "summarize", None),  # noqa: E501
    ("nl", "Sinds Sam weg is draai ik zijn diensten er ook bij.", "Dus al bijna een maand loop je twee roosters tegelijk.", "summarize", None),  # noqa: E501
    # An experience put as a condition ("if you feel ...") is an arrangement, not a reflection.
    ("en", "I'm not sure I'll cope with the new system.", "If you ever feel stuck with it, you'll let me know.", None, "summarize"),  # noqa: E501
    ("nl", "Ik weet niet of ik het nieuwe systeem aankan.", "Als je je overvallen voelt, laat je het me gewoon weten.", None, "summarize"),  # noqa: E501
    ("en", "I'm not sure I'll cope with the new system.", "You think you'll fall behind the others.", "summarize", None),  # noqa: E501
    # A plan the leader lays down for the two of them, or "the ask", states an expectation.
    ("en", "I think I've got the hang of it now.", "Good. I'd like for us to meet again in two weeks to see how it's going.", "state_expectation", None),  # noqa: E501
    ("en", "So what do you actually want from me?", "Here's my ask: loop Marco in before you change the planning.", "state_expectation", None),  # noqa: E501
    ("nl", "Wat wil je nou eigenlijk van me?", "Mijn verzoek aan jou is om Marco mee te nemen voordat je de planning omgooit.", "state_expectation", None),  # noqa: E501
    # "It would be good if you ..." and what others usually do propose a solution ...
    ("en", "I keep missing the Monday deadline.", "It would be good if you blocked Monday mornings for it.", "premature_advice", None),  # noqa: E501
    ("nl", "Ik mis steeds de deadline van maandag.", "Het zou goed zijn als je maandagochtend daarvoor vrijhoudt.", "premature_advice", None),  # noqa: E501
    ("en", "The invoices eat my whole Friday.", "What a lot of people in your position do is hand them to finance.", "premature_advice", None),  # noqa: E501
    ("nl", "De facturen kosten me mijn hele vrijdag.", "Wat veel mensen in jouw situatie doen, is ze aan finance geven.", "premature_advice", None),  # noqa: E501
    # ... but asking to hear more that way is an invitation, not a solution.
    ("en", "There's more to it, honestly.", "It would be good if you told me a bit more about that.", None, "premature_advice"),  # noqa: E501
    ("nl", "Er speelt eigenlijk meer.", "Het zou goed zijn als je me daar wat meer over vertelt.", None, "premature_advice"),  # noqa: E501
    # "Anything else?" widens the conversation, whatever its yes/no form.
    ("en", "And the roster is a mess too.", "Anything else that's weighing on you?", "open_question", "closed_question"),  # noqa: E501
    ("nl", "En het rooster is ook een puinhoop.", "Is er nog iets anders dat meespeelt?", "open_question", "closed_question"),  # noqa: E501
    ("nl", "En het rooster is ook een puinhoop.", "Nog andere dingen?", "open_question", "closed_question"),  # noqa: E501
    ("en", "I track it all in a spreadsheet.", "Do you use any other tools for that?", "closed_question", "open_question"),  # noqa: E501
    # Questions typed in a chat without a question mark are still questions ...
    ("en", "It's been a rough month.", "how are you doing with the new team", "open_question", None),  # noqa: E501
    ("en", "It's been a rough month.", "ok so what would help you most right now", "open_question", None),  # noqa: E501
    ("nl", "Het was een zware maand.", "hoe gaat het met je sinds de verhuizing", "open_question", None),  # noqa: E501
    ("nl", "Het was een zware maand.", "waarom denk je dat het zo loopt", "open_question", None),
    ("en", "I'll try the new planning tool.", "Do you think that will work", "closed_question", "summarize"),  # noqa: E501
    ("nl", "Ik pak de presentatie morgen op.", "Ben je er klaar voor", "closed_question", None),
    # ... while statements that open with a question word stay statements.
    ("en", "The new hire quit after a week.", "What happened was that nobody showed her around.", None, "open_question"),  # noqa: E501
    ("en", "The new hire quit after a week", "how you handled the exit interview was good", None, "open_question"),  # noqa: E501
    ("nl", "Ik snap het nieuwe plan niet.", "Weet je wat, we lopen het morgen samen door", None, "closed_question"),  # noqa: E501
    ("nl", "Ik snap het nieuwe plan niet.", "waar het om gaat is de planning van maart", None, "open_question"),  # noqa: E501
    ("en", "Fine, I'll take the Friday shift.", "how does that sound", None, "open_question"),
    # A verdict on how their situation feels names the feeling; one on the work does not.
    ("en", "The client shouted at me for twenty minutes.", "Oof. That's a horrible morning.", "name_energy", None),  # noqa: E501
    ("nl", "De klant heeft twintig minuten tegen me staan schreeuwen.", "Pff, wat naar.", "name_energy", None),  # noqa: E501
    ("en", "The client shouted at me for twenty minutes.", "I can imagine that was pretty scary.", "name_energy", None),  # noqa: E501
    ("nl", "De klant heeft twintig minuten tegen me staan schreeuwen.", "Ik kan me goed voorstellen dat dat eng was.", "name_energy", None),  # noqa: E501
    ("en", "I was up all night with the outage.", "You look completely fried.", "name_energy", None),  # noqa: E501
    ("nl", "Ik ben de hele nacht met de storing bezig geweest.", "Je ziet er doodop uit.", "name_energy", None),  # noqa: E501
    ("en", "Can we move the launch?", "That's hard to fit in before March.", None, "name_energy"),
    ("nl", "Kunnen we de lancering verschuiven?", "Dat is veel werk voor één week.", None, "name_energy"),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize("listener", ["rules", "rules+model"])
@pytest.mark.parametrize(("lang", "context", "text", "wanted", "unwanted"), CASES)
def test_turn_is_read_as_it_is_meant(
    listener: str, lang: str, context: str, text: str, wanted: str | None, unwanted: str | None
) -> None:
    labels = get_listener(listener).label(text, context, lang)
    if wanted is not None:
        assert wanted in labels
    if unwanted is not None:
        assert unwanted not in labels
