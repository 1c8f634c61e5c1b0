"""Misreadings fixed in listener rounds 7 to 15 (roleplay/LISTENING.md), written fresh here.

Each case names a label the turn must get and one it must not, for the rules and for the
default listener. These turns are not in any eval set and the label model never trains on
this file (evals.listening.TEST_EXAMPLES_FILE is tests/test_listener.py only).
"""

from __future__ import annotations

import numpy as np
import pytest

from roleplay.listener import get_listener
from roleplay.listening.rules import label_sentences
from roleplay.listening.training import MODEL_PITFALL_FLOOR, combine

# (lang, context, text, a label it must get or None, a label it must not get or None)
ROUND7_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # Invitations to go on telling explore; they solve nothing.
    ("en", "And then on Friday it all blew up.", "Go on.", "open_question", "premature_advice"),
    ("nl", "En toen ging het vrijdag helemaal mis.", "Vertel maar verder.", "open_question", "premature_advice"),  # noqa: E501
    ("en", "The handover was a mess.", "Talk me through what happened at the handover.", "open_question", "premature_advice"),  # noqa: E501
    ("nl", "De overdracht liep niet goed.", "Loop me even door hoe de overdracht ging.", "open_question", "premature_advice"),  # noqa: E501
    ("en", "I said yes to the Berlin project.", "Curious about what made you say yes.", "open_question", None),  # noqa: E501
    ("en", "I've been thinking about the team move.", "Go ahead and send the request to HR.", "premature_advice", None),  # noqa: E501
    # "Just ..." opening a feeling, a routine or a reason is not an instruction.
    ("en", "Why are you asking?", "Just curious, how did the first week go?", "open_question", "premature_advice"),  # noqa: E501
    ("en", "I can't get the report right.", "Just send it to me as it is.", "premature_advice", None),  # noqa: E501
    ("nl", "Wat doe je?", "Even mijn eigen aantekeningen erbij pakken.", None, "premature_advice"),
    ("nl", "Ik krijg het rapport niet af.", "Gewoon even opsturen zoals het is.", "premature_advice", None),  # noqa: E501
    # Care for the person in the room is not advice.
    ("en", "Sorry, sorry, I know I'm late again.", "Don't apologise. Have a seat.", "backing", "premature_advice"),  # noqa: E501
    ("nl", "Sorry dat ik zo binnenval.", "Sorry hoeft niet. Kom even zitten.", "backing", "premature_advice"),  # noqa: E501
    ("en", "I don't know if I can say this.", "You can always tell me.", None, "premature_advice"),
    # Their own words given back neither solve nor judge.
    ("en", "I'm fine. Just tired.", "Just tired.", None, "premature_advice"),
    ("nl", "Het gaat wel. Gewoon moe.", "Gewoon moe.", None, "premature_advice"),
    # "again" at the end of a longer sentence tells what happened; "Late again." reproaches.
    ("en", "The board meeting is tomorrow.", "You're afraid you'll freeze in front of the board again.", None, "dismissive"),  # noqa: E501
    ("en", "Sorry, the traffic.", "Late again.", "dismissive", None),
    # "Dat is niet niks" supports; "dat is niet waar" contradicts.
    ("nl", "Ik heb drie weken alleen gedraaid.", "Dat is niet niks.", None, "dismissive"),
    ("nl", "Jij luistert toch nooit naar ons.", "Dat is gewoon niet waar.", "dismissive", None),
    # A checking tag checks the reflection before it; it is no yes/no question of its own.
    ("en", "Moving teams again, I don't know.", "So it sounds like you're worried about the move, is that right?", "name_energy", "closed_question"),  # noqa: E501
    ("nl", "Weer een reorganisatie.", "Je bent het zat, klopt dat?", None, "closed_question"),
    ("en", "Moving teams again, I don't know.", "Do you think you're being impatient, is that right?", "closed_question", None),  # noqa: E501
    # The leader's reading of their experience, ending in a question mark, is a reflection.
    ("en", "I keep giving it another go and it keeps failing.", "It sounds like you'd rather stop trying?", "summarize", "closed_question"),  # noqa: E501
    ("nl", "Ik heb het nu drie keer geprobeerd.", "Het klinkt alsof je er klaar mee bent?", "summarize", "closed_question"),  # noqa: E501
    ("nl", "Ik heb het nu drie keer geprobeerd.", "Je wilt dus stoppen?", "closed_question", None),
    # A suggestion put mildly, or as a question about a plan, is still a suggestion.
    ("en", "I'm swamped this month.", "It might not be a bad idea to skip the Friday sync.", "premature_advice", None),  # noqa: E501
    ("en", "I'm swamped this month.", "It wouldn't hurt to ask Priya to take the invoices.", "premature_advice", None),  # noqa: E501
    ("nl", "Ik zit deze maand vol.", "Het kan geen kwaad om Priya de facturen te laten doen.", "premature_advice", None),  # noqa: E501
    ("nl", "Ik zit deze maand vol.", "Het is misschien het proberen waard om de stand-up in te korten.", "premature_advice", None),  # noqa: E501
    ("en", "Childcare on Wednesdays is impossible.", "I've got another idea for you: swap Wednesdays with Tom.", "premature_advice", None),  # noqa: E501
    ("nl", "Woensdag lukt de opvang niet.", "Ik heb nog een idee voor je: ruil de woensdag met Tom.", "premature_advice", None),  # noqa: E501
    ("en", "Childcare on Wednesdays is impossible.", "What about asking Tom to swap days?", "premature_advice", "open_question"),  # noqa: E501
    ("en", "Childcare on Wednesdays is impossible.", "What would you think about a plan where you start at ten?", "premature_advice", "open_question"),  # noqa: E501
    ("nl", "Woensdag lukt de opvang niet.", "Wat zou je ervan vinden als je om tien uur begint?", "premature_advice", "open_question"),  # noqa: E501
    ("en", "It's been a strange month.", "What about you, how are you holding up?", "open_question", "premature_advice"),  # noqa: E501
    ("nl", "Het was een rare maand.", "Wat zou je ervan vinden als het anders ging?", "open_question", "premature_advice"),  # noqa: E501
    # Invitations to tell us more, in the plural or as "talk to me more about".
    ("en", "Donna's new on the team.", "Tell us something about how she's settling in.", "open_question", None),  # noqa: E501
    ("en", "The doctors said a lot.", "Talk to me a little more about what they told you.", "open_question", "premature_advice"),  # noqa: E501
    ("nl", "Het project loopt anders dan gedacht.", "Praat me eens bij over waar het nu staat.", "open_question", None),  # noqa: E501
    ("nl", "Het project loopt anders dan gedacht.", "Vertel ons wat meer over de planning.", "open_question", None),  # noqa: E501
    ("en", "You always do this.", "Don't tell me what I always do.", None, "open_question"),
    # One word that names a feeling names the energy; one that echoes their word does not.
    ("en", "Third time this month the release slips.", "Really frustrating, yeah.", "name_energy", None),  # noqa: E501
    ("nl", "Ik weet het eigenlijk ook niet meer.", "Moedeloos.", "name_energy", None),
    ("en", "I'm so tired.", "Tired.", None, "name_energy"),
    ("en", "Thanks for sorting the rota.", "Happy to help.", None, "name_energy"),
]  # fmt: skip

ROUND8_CASES: list[tuple[str, str, str, str | None, str | None]] = [
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
    ("en", "Where's Sam? Is he still in the meeting room", "he is there with the auditors", None, "closed_question"),  # noqa: E501
    ("nl", "Ik heb de cursus gehaald.", "wat fijn dat je dat gehaald hebt", None, "open_question"),
    ("nl", "Ik twijfel over de overstap", "wat maakt dat je twijfelt", "open_question", None),
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

ROUND9_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # An agreement the leader proposes states the expectation; asking for a yes to it
    # closes no exploration.
    ("nl", "Ik loop steeds vast op die koppeling.", "Zullen we afspreken dat je me belt zodra je een uur vastzit?", "state_expectation", "closed_question"),  # noqa: E501
    ("nl", "Ik wist niet dat je het zo snel wilde.", "Kunnen we afspreken dat je offertes voortaan binnen twee dagen terugstuurt?", "state_expectation", "closed_question"),  # noqa: E501
    ("nl", "De weekstart schiet er vaak bij in.", "Laten we afspreken dat je elke maandag om negen uur je planning deelt.", "state_expectation", None),  # noqa: E501
    ("nl", "Ik had gewoon te veel op mijn bord.", "Ik wil met je afspreken dat je het meldt zodra een deadline niet haalbaar is.", "state_expectation", None),  # noqa: E501
    ("en", "I didn't know you needed it that fast.", "Can we agree that you'll send quotes back within two days from now on?", "state_expectation", "closed_question"),  # noqa: E501
    ("en", "Mondays are always chaos.", "Shall we agree that you share your plan every Monday at nine?", "state_expectation", "closed_question"),  # noqa: E501
    ("en", "That's not how it went at all.", "Can we agree on what actually happened first?", None, "state_expectation"),  # noqa: E501
    # The check after an agreement is no closed-question pitfall.
    ("en", "Fine, Mondays at nine then.", "Does that sound like a fair deal?", None, "closed_question"),  # noqa: E501
    ("nl", "Goed, maandag om negen uur dan.", "Lijkt je dat een goede afspraak?", None, "closed_question"),  # noqa: E501
    # Asking, looking back, what they needed from the leader asks their expectation.
    ("nl", "Die week stond ik er helemaal alleen voor.", "Wat had je toen van mij nodig gehad?", "ask_expectation", None),  # noqa: E501
    ("nl", "Die week stond ik er helemaal alleen voor.", "Wat had ik anders kunnen doen?", "ask_expectation", None),  # noqa: E501
    ("en", "That week I was completely on my own.", "What would you have needed from me that week?", "ask_expectation", None),  # noqa: E501
    ("en", "That week I was completely on my own.", "What could I have done differently?", "ask_expectation", None),  # noqa: E501
    ("nl", "Ik hoorde het pas via de gang.", "Wat had je van mij gehoord over de reorganisatie?", None, "ask_expectation"),  # noqa: E501
    ("nl", "Ik weet niet wat ik aan je heb in dit traject.", "Hoe ziet goede ondersteuning van mij er voor jou eigenlijk uit?", "ask_expectation", None),  # noqa: E501
    # The leader's own reaction to this moment names the energy and discloses; "hard to
    # say" as "I don't know" does neither.
    ("en", "You wanted to see me?", "Honestly, this is a bit awkward for me to bring up.", "name_energy", None),  # noqa: E501
    ("en", "You wanted to see me?", "I find this quite hard to say, but here goes.", "name_energy", None),  # noqa: E501
    ("nl", "Je wilde me spreken?", "Ik vind het best lastig om je dit te vertellen.", "name_energy", None),  # noqa: E501
    ("nl", "Je wilde me spreken?", "Dit is niet makkelijk voor mij om te zeggen.", "name_energy", None),  # noqa: E501
    ("en", "When will the merger be announced?", "That's hard to say, to be honest.", None, "name_energy"),  # noqa: E501
    ("en", "Will the team be split up?", "It's hard for me to say whether that will happen.", None, "name_energy"),  # noqa: E501
    ("nl", "Wanneer is de verbouwing klaar?", "Het is lastig om te zeggen wanneer dat is.", None, "name_energy"),  # noqa: E501
    # What the body shows names the energy.
    ("en", "It's fine, really.", "You've turned a bit pale.", "name_energy", None),
    ("nl", "Het is prima, echt.", "Je wordt een beetje rood.", "name_energy", None),
    ("en", "They moved my project again.", "I can see it really gets to you.", "name_energy", None),
    # Their point given back as "for you, it's about ..." restates it; it judges nothing.
    ("en", "It's not the hours. Nobody asks me anything before they decide.", "For you, the problem isn't the hours, it's not being asked.", "summarize", "dismissive"),  # noqa: E501
    ("nl", "Het zijn niet de uren. Niemand vraagt me iets voordat ze beslissen.", "Voor jou zit het probleem dus niet in de uren, maar in het niet gevraagd worden.", "summarize", "dismissive"),  # noqa: E501
    ("nl", "Ik wil gewoon dat iemand ziet wat ik doe.", "Voor jou draait het dus vooral om gezien worden.", "summarize", None),  # noqa: E501
    # More fixes before the problem is understood, and more reproaches.
    ("en", "The client keeps calling me at night.", "Here's what I'd do: block your evenings and tell them.", "premature_advice", None),  # noqa: E501
    ("nl", "De klant belt me 's avonds steeds.", "Ik zou het zo aanpakken: je avonden blokken en het ze laten weten.", "premature_advice", None),  # noqa: E501
    ("nl", "Ik zit echt vol deze maand.", "Heb je al overwogen om de rapportage uit te besteden?", "premature_advice", None),  # noqa: E501
    ("en", "I forgot the handover note again.", "It's not that big a deal.", "dismissive", None),
    ("nl", "Ik zat er al twee weken mee.", "Dan had je dat maar eerder moeten zeggen.", "dismissive", None),  # noqa: E501
    ("nl", "Ik zat er al twee weken mee.", "Dat had je gewoon eerder mogen zeggen, hoor.", None, "dismissive"),  # noqa: E501
    # Support said in so many words.
    ("nl", "Ik sta er elke dienst alleen voor.", "Je staat er niet alleen voor, dit gaan we samen oplossen.", "backing", None),  # noqa: E501
    ("nl", "Ik weet niet of ik dit aankan.", "Je bent hierin niet alleen, hoor.", "backing", None),
    ("nl", "Sorry, de trein.", "Je bent niet alleen te laat, je hebt ook de sleutels vergeten.", None, "backing"),  # noqa: E501
    ("en", "Sorry, I don't follow.", "What I'm asking is whether you'd be open to it.", None, "state_expectation"),  # noqa: E501
    ("en", "I sent the wrong price list to the client.", "It's okay to make a mistake, we'll fix it together.", "backing", None),  # noqa: E501
    ("nl", "De klant is woedend over de prijs.", "Ik neem dit richting de klant helemaal voor mijn rekening.", "backing", None),  # noqa: E501
    # Where the eyes go is body language; a team on its last legs is the energy.
    ("en", "Yeah, the targets are fine.", "You say they're fine, but you're staring at your shoes.", "name_energy", None),  # noqa: E501
    ("nl", "Ja hoor, de targets zijn prima.", "Je zegt dat ze prima zijn, maar je kijkt naar beneden.", "name_energy", None),  # noqa: E501
    ("nl", "(teamoverleg, na drie weken overwerk)", "Het hele team loopt op zijn tandvlees, dat zie ik.", "name_energy", None),  # noqa: E501
    # The leader feels the pressure too.
    ("en", "The deadline is killing us.", "I'm feeling the pressure as well, I won't pretend otherwise.", "self_disclosure", None),  # noqa: E501
    # The team's expectations of the leader, and what the leader asks for.
    ("en", "(team meeting after the reorganisation)", "What does the team need from me in the coming month?", "ask_expectation", None),  # noqa: E501
    ("en", "I didn't know you wanted to hear about delays.", "What I'm asking for is a heads-up as soon as a date slips.", "state_expectation", None),  # noqa: E501
    ("nl", "Ik wist niet dat je dat wilde weten.", "Volgende keer moet je het me meteen laten weten.", "state_expectation", None),  # noqa: E501
    ("en", "I didn't know you wanted to hear about delays.", "Next time, just give me a quick call.", "state_expectation", None),  # noqa: E501
]  # fmt: skip


# Round 10: general forms found on a fresh blind set (evals/data/listening_turns_dev4.yaml);
# these turns are written here, not taken from it.
ROUND10_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # Typed chat drops apostrophes: "whats", "hows" still open a question.
    ("en", "The client moved the deadline again.", "whats the hardest part of that for you?", "open_question", "closed_question"),  # noqa: E501
    ("en", "First week went okay I guess.", "hows the team treating you so far?", "open_question", "closed_question"),  # noqa: E501
    # Dutch advice with the verb last ("dat je ... moet") or after "volgens mij".
    ("nl", "Die klant belt me elke dag.", "Ik vind dat je die klant zelf moet terugbellen.", "premature_advice", None),  # noqa: E501
    ("nl", "Eva weet hoe dat systeem werkt.", "Volgens mij moet je het gewoon aan Eva vragen.", "premature_advice", None),  # noqa: E501
    ("nl", "Ik twijfel of ik die presentatie kan geven.", "Ik denk dat je dat prima kunt.", None, "premature_advice"),  # noqa: E501
    # A new rule set straight after the story decides the fix; after thanks it does not.
    ("en", "The invoice went out with the wrong VAT.", "From now on every invoice goes past Finance before it leaves.", "state_expectation", None),  # noqa: E501
    ("en", "The invoice went out with the wrong VAT.", "From now on every invoice goes past Finance before it leaves.", "premature_advice", None),  # noqa: E501
    ("nl", "De factuur ging eruit met de verkeerde btw.", "Voortaan gaat elke factuur eerst langs Finance.", "premature_advice", None),  # noqa: E501
    ("en", "The invoice went out with the wrong VAT.", "Thanks for flagging it so quickly. From now on every invoice goes past Finance first.", "state_expectation", "premature_advice"),  # noqa: E501
    ("nl", "Ik voelde me alleen gelaten bij die klant.", "Vanaf nu zit ik bij die gesprekken naast je.", None, "premature_advice"),  # noqa: E501
    ("en", "The update was late again.", "From now on, I'm asking you to send the update by Friday noon.", "premature_advice", None),  # noqa: E501
    # Specific appreciation of the person's work backs them.
    ("en", "Here's the incident write-up.", "Your write-up of the incident was really solid.", "backing", None),  # noqa: E501
    ("nl", "Hier is de planning voor de audit.", "Jouw planning voor de audit was echt sterk.", "backing", None),  # noqa: E501
    ("en", "When do you need it?", "Your report is due Friday.", None, "backing"),
    # The leader's own past and own difficulty.
    ("en", "I messed up the payroll run.", "My first real mistake as a manager was forgetting a whole team's bonuses.", "self_disclosure", None),  # noqa: E501
    ("nl", "Ik heb het project laten ontsporen.", "Bij mijn eerste project ging het precies zo mis.", "self_disclosure", None),  # noqa: E501
    ("nl", "Ik ben zo bang om te falen.", "Dat gevoel ken ik maar al te goed.", "self_disclosure", None),  # noqa: E501
    ("en", "I hate speaking up in the big meeting.", "Speaking up in big meetings is hard for me too.", "self_disclosure", None),  # noqa: E501
    # A disclosure the rules read is not yet support.
    ("en", "This launch is a lot.", "Honestly, I'm nervous about this launch too.", "self_disclosure", "backing"),  # noqa: E501
    # An assumption looked back on, offered for checking.
    ("en", "The new rota is fine, I guess.", "I'd assumed you were happy with the new rota. Was I wrong?", "check_assumption", "closed_question"),  # noqa: E501
    ("nl", "Het nieuwe rooster is wel oké.", "Ik had eigenlijk aangenomen dat je het rooster prima vond. Zit ik ernaast?", "check_assumption", None),  # noqa: E501
    # Adapting as an order brushes the complaint off; "nou weer" reproaches.
    ("en", "I still don't like the new tool.", "You'll just have to get used to the new tool.", "dismissive", None),  # noqa: E501
    ("nl", "Ik vind dat nieuwe systeem vreselijk.", "Je zult je er gewoon aan moeten aanpassen.", "dismissive", None),  # noqa: E501
    ("nl", "Ik vind dat nieuwe systeem vreselijk.", "Daar zul je je maar aan moeten aanpassen.", "dismissive", None),  # noqa: E501
    ("nl", "Ik vind dat nieuwe systeem vreselijk.", "Je moet er maar aan wennen.", "dismissive", None),  # noqa: E501
    ("nl", "Ik ben nog zo onwennig met dat systeem.", "Je gaat er vast aan wennen, geef het een paar weken.", None, "dismissive"),  # noqa: E501
    ("nl", "De levering is weer te laat.", "Hoe is dat nou weer zo gekomen?", "dismissive", "open_question"),  # noqa: E501
    ("nl", "Het gaat wel weer.", "Hoe gaat het nu met je?", "open_question", "dismissive"),
    # "Hard to hear" is the leader's own reaction.
    ("nl", "Ik heb het gevoel dat niemand mijn werk ziet.", "Dat is best pijnlijk om te horen.", "name_energy", "dismissive"),  # noqa: E501
    ("en", "I feel like nobody sees my work.", "That's hard to hear.", "name_energy", "dismissive"),
    # "That sounds like ..." gives their experience back; "Sounds like a plan" agrees.
    ("en", "I've been doing the on-call alone for a month.", "That sounds like you've been carrying this alone.", "summarize", None),  # noqa: E501
    ("en", "Let's split the on-call between the three of us.", "Sounds like a plan.", None, "summarize"),  # noqa: E501
    ("nl", "Ik loop al weken met die vraag rond.", "Dat klinkt alsof je er al weken mee rondloopt.", "summarize", None),  # noqa: E501
    ("nl", "Zullen we de dienst verdelen?", "Dat klinkt als een goed plan.", None, "summarize"),
    ("nl", "Op kantoor is er nooit iemand.", "Dat klinkt alsof je je daar best alleen voelt. Is dat zo?", "name_energy", "closed_question"),  # noqa: E501
    # Going quiet is what is not said; "tell me which" invites.
    ("en", "(silence)", "Every time the budget comes up you become very quiet.", "name_unspoken", None),  # noqa: E501
    ("en", "I'm not sure about the new plan.", "Tell me which part worries you most.", "open_question", None),  # noqa: E501
]  # fmt: skip


# Round 11: general forms found on dev5 after its one read; written here, not taken from it.
ROUND11_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # A check on having understood what was said makes the statement before it a summary.
    ("nl", "Ik wil gewoon wat meer rust in mijn week.", "Je wilt meer lucht in je agenda. Begrijp ik je zo goed?", "summarize", "closed_question"),  # noqa: E501
    ("en", "I'd rather keep my Fridays free.", "You'd rather keep Fridays for focused work. Did I understand you right?", "summarize", "closed_question"),  # noqa: E501
    # Formal "u" after its verb ("heeft u", "wilt u") reads like "je".
    ("nl", "Ik weet niet of ik dit af krijg.", "Wat heeft u van mij nodig om dit af te ronden?", "ask_expectation", None),  # noqa: E501
    ("nl", "Het was een lastige week.", "Wilt u daar iets meer over vertellen?", "open_question", "closed_question"),  # noqa: E501
    # A rule said as a tautology ends the talk; "eerlijk is eerlijk" does not.
    ("nl", "Waarom moet ik dan wel op kantoor komen?", "Afspraak is afspraak.", "dismissive", None),
    ("en", "Why do I have to come in at all?", "Rules are rules, end of story.", "dismissive", None),  # noqa: E501
    ("nl", "Ik had die fout zelf moeten zien.", "Eerlijk is eerlijk, dat had ik ook beter kunnen uitleggen.", None, "dismissive"),  # noqa: E501
    # Denying the experience, "niet zagen", the rhetorical "toch" and "others manage" brush off.
    ("nl", "Je trekt Sven altijd voor.", "Dat verbeeld je je.", "dismissive", None),
    ("en", "You said my work was sloppy.", "I never said that.", "dismissive", None),
    ("nl", "Die nieuwe planning is echt niet te doen.", "Niet zagen, gewoon doen.", "dismissive", None),  # noqa: E501
    ("nl", "Ik wist niet dat het vandaag al af moest.", "Dat had je toch zelf kunnen bedenken?", "dismissive", None),  # noqa: E501
    ("nl", "Ik werk liever in de avond.", "Ge weet toch dat dat niet mag?", "dismissive", None),
    ("nl", "Ik krijg die cijfers nooit op tijd rond.", "Iedereen kan het toch ook?", "dismissive", None),  # noqa: E501
    ("en", "The nine o'clock start is really hard with the school run.", "Everyone else manages to be on time.", "dismissive", None),  # noqa: E501
    ("en", "He keeps talking over me in meetings.", "Not worth getting worked up about.", "dismissive", None),  # noqa: E501
    ("en", "I end up fixing everyone's bugs.", "That's literally what you're paid for.", "dismissive", None),  # noqa: E501
    # The leader's own experience and reaction; "ik vraag me af hoe" asks.
    ("nl", "Ik voel me zo dom na die fout.", "Ik weet hoe dat voelt.", "self_disclosure", None),
    ("en", "I lost the Harris account.", "In my first year here I lost a big client too.", "self_disclosure", None),  # noqa: E501
    ("en", "I feel so stupid about that mistake.", "I know exactly how that feels.", "self_disclosure", None),  # noqa: E501
    ("nl", "(zucht) Moeten we dit echt weer bespreken?", "Ik merk dat ik er zelf ongeduldig van word.", "name_energy", None),  # noqa: E501
    ("nl", "Het was wel een rare overstap.", "Ik vraag me af hoe die overstap voor jou was.", "open_question", None),  # noqa: E501
    # What the body and the short answers show.
    ("nl", "Ja. Prima. (kijkt naar het raam)", "Je kijkt me niet aan als ik over het project begin.", "name_energy", None),  # noqa: E501
    ("en", "Yes. Fine. Okay.", "You're keeping your answers very short today.", "name_unspoken", None),  # noqa: E501
    # An agreed norm restated is no new rule; a new one from next month is.
    ("nl", "Ik was vanochtend weer te laat.", "Ik verwacht dat je vanaf morgen om negen uur begint, zoals we hadden afgesproken.", "state_expectation", "premature_advice"),  # noqa: E501
    ("en", "Nobody ever comes in on Tuesdays.", "From next month the whole team is in on Tuesdays.", "premature_advice", None),  # noqa: E501
    # Expectations: next time, and a yes with a condition.
    ("en", "Can I send the deck on Monday instead?", "Next time I'd like the slides a day before the meeting.", "state_expectation", None),  # noqa: E501
    ("en", "Can I work from the café on Fridays?", "That's fine, as long as you keep me posted.", "state_expectation", None),  # noqa: E501
    ("en", "I finally booked the holiday.", "As long as you're happy, that's what counts.", None, "state_expectation"),  # noqa: E501
    ("nl", "Mag ik vrijdag thuiswerken?", "Prima, zolang je het me even laat weten.", "state_expectation", None),  # noqa: E501
    # "What you're saying is ...?" restates; "What can I do differently?" asks their expectation.
    ("en", "They gave us two weeks for a two-month job.", "So what you're saying is the deadline was never realistic?", "summarize", "open_question"),  # noqa: E501
    ("en", "The handovers keep going wrong.", "What can I do differently so the handovers go better?", "ask_expectation", None),  # noqa: E501
    # "Maar even tussendoor" instructs nothing.
    ("nl", "Nee hoor, niks aan de hand.", "Maar even tussendoor, is er thuis iets?", None, "premature_advice"),  # noqa: E501
]  # fmt: skip

# Round 12: general forms found on dev6 and dev7's English turns after their one read.
ROUND12_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # A reproach with "possibly"; a reflection quoting praise is no praise; "so next" moves on.
    ("en", "I sent the draft to the wrong distribution list.", "How could you possibly miss that? It was on the checklist.", "dismissive", "open_question"),  # noqa: E501
    ("en", "Nobody ever says anything nice about my work.", "It sounds like you feel the good work disappears and only the mistakes get noticed. Is that how it is for you?", "summarize", "backing"),  # noqa: E501
    ("en", "Alright, that's everything on the rota.", "ok so next thing, the budget review", "other", "summarize"),  # noqa: E501
    # Asking what the leader should do differently asks their expectation.
    ("en", "These one-on-ones feel pointless.", "What should I be doing differently in these sessions?", "ask_expectation", None),  # noqa: E501
    ("en", "The office days are so noisy.", "Tell me what you need from me to make the office days work.", "ask_expectation", None),  # noqa: E501
    # "anything that lands in it" is no reaction of the leader's; "That stings." is.
    ("en", "I'm on my own with the launch.", "Ok, first thing: from tomorrow block an hour for it and decline anything that lands in it.", "premature_advice", "name_energy"),  # noqa: E501
    ("en", "You changed my slides again.", "Ouch. That stings.", "name_energy", None),
    # Closing the subject, "you're overthinking it", policy as the reason, "that's hybrid for you".
    ("en", "Why can't I just work from home on Fridays?", "The policy is two days and I'm not reopening it. End of.", "dismissive", None),  # noqa: E501
    ("en", "I'm worried the client will hate it.", "You're overthinking it.", "dismissive", None),
    ("en", "Why do I have to use the new tool?", "Because it's company policy.", "dismissive", None),  # noqa: E501
    ("en", "I never see anyone on office days.", "Yeah well, that's hybrid for you.", "dismissive", None),  # noqa: E501
    # Expectations put as "My expectation:" or "Can we agree I ...?"; a fix as an imperative.
    ("en", "I keep missing the deadline updates.", "My expectation: you post a short update every Friday by noon.", "state_expectation", None),  # noqa: E501
    ("en", "I only hear about your comments two weeks later.", "Can we agree I give you comments within two days of each draft?", "state_expectation", "closed_question"),  # noqa: E501
    ("en", "The invoice went to the wrong client.", "Recall it now and ring their finance lead.", "premature_advice", None),  # noqa: E501
    # A bare "Am I reading that right?" checks the naming before it.
    ("en", "I don't know, it's just been a lot.", "Sounds like you've been running on fumes. Am I reading that right?", "name_energy", "check_assumption"),  # noqa: E501
]  # fmt: skip

# Round 15: reassurance that denies a fault, a flaw or a difficulty, and cues that fired on
# words the leader reports or on the leader's own promise. Probes written before the rules
# changed (most were read as brush-offs), plus the brush-offs they must not excuse.
ROUND15_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    ("nl", "Ik heb het echt verpest met die offerte.", "Je bent geen idioot, iedereen maakt fouten.", "backing", "dismissive"),  # noqa: E501
    ("nl", "Ik heb het echt verpest met die offerte.", "Het is niet jouw schuld dat de klant te laat reageerde.", "backing", "dismissive"),  # noqa: E501
    ("nl", "Ik heb het echt verpest met die offerte.", "Het is niet je eigen schuld, de planning was te krap.", "backing", "dismissive"),  # noqa: E501
    ("nl", "Ik voel me zo dom na die presentatie.", "Ik vond je helemaal niet dom.", "backing", "dismissive"),  # noqa: E501
    ("nl", "Ik sta er alleen voor, voelt het.", "Je bent echt niet de enige die dat zo voelt.", None, "dismissive"),  # noqa: E501
    ("nl", "Ik heb het echt verpest met die offerte.", "Dat is niet niks, wat je daar allemaal hebt moeten regelen.", None, "dismissive"),  # noqa: E501
    ("nl", "Het gaat wel.", "Je zegt 'het komt wel goed', maar je kijkt er niet blij bij.", None, "dismissive"),  # noqa: E501
    ("nl", "Er komt weer een reorganisatie aan.", "Jullie hebben de vorige nog niet verwerkt en nu komt er alweer een.", None, "dismissive"),  # noqa: E501
    ("nl", "De klant kreeg de verkeerde prijzen.", "Goed dat je het meldt. Hoe is het gebeurd, denk je?", "open_question", "dismissive"),  # noqa: E501
    ("nl", "Moet ik die training echt volgen?", "Iedereen moet per 1 juni met het nieuwe systeem kunnen werken.", None, "dismissive"),  # noqa: E501
    ("nl", "De klant kreeg de verkeerde prijzen.", "Hoe is dat nou kunnen gebeuren?", "dismissive", "open_question"),  # noqa: E501
    ("nl", "Ik lig er echt wakker van.", "Joh, maak je niet zo druk.", "dismissive", "premature_advice"),  # noqa: E501
    ("nl", "Ik heb het druk.", "Zo erg is het toch niet.", "dismissive", None),
    ("nl", "Ik heb het druk.", "Je bent gewoon niet gemotiveerd.", "dismissive", None),
    ("nl", "Ik ben weer te laat.", "Zit je alweer op je telefoon?", "dismissive", None),
    ("en", "I really messed up that client email.", "You're not an idiot. Everyone makes mistakes.", "backing", "dismissive"),  # noqa: E501
    ("en", "I really messed up that client email.", "It's not your fault the client changed the brief.", "backing", "dismissive"),  # noqa: E501
    ("en", "Why did I hear about the move from Tom?", "You should have heard it from me, not from Tom.", None, "dismissive"),  # noqa: E501
    ("en", "Who's going to tell the client?", "I'll deal with it.", None, "dismissive"),
    ("en", "I think the deadline might slip.", "Tell me even if it's just a hunch.", None, "dismissive"),  # noqa: E501
    ("en", "I just can't see myself doing it.", "So you're just not feeling confident you could pull it off.", None, "dismissive"),  # noqa: E501
    ("en", "My friend talked me down last night.", "So she helped you calm down.", None, "dismissive"),  # noqa: E501
    ("en", "I'm really worried about the audit.", "It happens, don't worry about it.", "dismissive", "premature_advice"),  # noqa: E501
    ("en", "I forgot to send the invoice.", "You should have checked it twice.", "dismissive", None),  # noqa: E501
    ("en", "I forgot to send the invoice.", "It's your own fault, honestly.", "dismissive", None),
    ("en", "Who's going to tell the client?", "Just deal with it.", "dismissive", None),
    ("en", "I'm nervous about the deadline.", "It's just a deadline, relax.", "dismissive", None),
    ("en", "I'm doing my best.", "You're just not trying hard enough.", "dismissive", None),
]  # fmt: skip

# Known errors of the default listener on these cases, kept visible as strict xfails
# (text -> reason); the rules alone read them right.
KNOWN_DEFAULT_ERRORS: dict[str, str] = {
    "Dat had je gewoon eerder mogen zeggen, hoor.": "the label model hears a reproach in"
    " 'had je eerder' (p >= 0.5); the rules read the permission in 'mogen'",
    "Sounds like you've been running on fumes. Am I reading that right?": "round 13's label"
    " model adds check_assumption to a naming checked by a bare tag; on the dev sets 12 of its"
    " 14 such additions are right (a specific reading of motive), this pattern is the 2 wrong",
    "Jullie hebben de vorige nog niet verwerkt en nu komt er alweer een.": "the label model"
    " hears a reproach in 'alweer' in a short turn; the rules (round 15) read it as what"
    " happens to the team, and with its checking question (nl12-092) the default agrees",
    "Iedereen moet per 1 juni met het nieuwe systeem kunnen werken.": "the label model hears"
    " a brush-off in a bare rule for all; the rules read a rule, and with the expectation that"
    " follows it (nl12-105) the default agrees",
}


def _cases() -> list[object]:
    params: list[object] = []
    for case in (
        ROUND7_CASES
        + ROUND8_CASES
        + ROUND9_CASES
        + ROUND10_CASES
        + ROUND11_CASES
        + ROUND12_CASES
        + ROUND15_CASES
    ):
        for listener in ("rules", "rules+model"):
            reason = KNOWN_DEFAULT_ERRORS.get(case[2]) if listener == "rules+model" else None
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(listener, *case, marks=marks))
    return params


@pytest.mark.parametrize(("listener", "lang", "context", "text", "wanted", "unwanted"), _cases())
def test_turn_is_read_as_it_is_meant(
    listener: str, lang: str, context: str, text: str, wanted: str | None, unwanted: str | None
) -> None:
    labels = get_listener(listener).label(text, context, lang)
    if wanted is not None:
        assert wanted in labels
    if unwanted is not None:
        assert unwanted not in labels


def test_the_model_alone_names_a_pitfall_only_when_it_finds_it_more_likely_than_not() -> None:
    labels = ("open_question", "premature_advice", "dismissive", "other")
    thresholds = np.full(len(labels), 0.3)
    below_floor = np.array([0.4, 0.4, 0.4, 0.0])
    # the open question passes its own threshold; the two pitfalls need the floor
    assert combine(["other"], below_floor, thresholds, labels) == ["open_question"]
    above_floor = np.array([0.0, MODEL_PITFALL_FLOOR, 0.9, 0.0])
    assert combine(["other"], above_floor, thresholds, labels) == [
        "premature_advice",
        "dismissive",
    ]
    # a pitfall the rules found (and quote) stays whatever the model says
    assert combine(["dismissive"], np.zeros(len(labels)), thresholds, labels) == ["dismissive"]


def test_no_summary_is_read_into_the_leaders_own_information() -> None:
    labels = ("summarize", "open_question", "other")
    thresholds = np.full(len(labels), 0.3)
    confident = np.array([0.9, 0.0, 0.0])
    assert combine(["other"], confident, thresholds, labels) == ["summarize"]
    assert combine(["other"], confident, thresholds, labels, informing=True) == ["other"]
    # a summary the rules read themselves stays
    assert combine(["summarize"], confident, thresholds, labels, informing=True) == ["summarize"]


def test_no_brush_off_is_heard_in_a_reassurance() -> None:
    labels = ("summarize", "dismissive", "other")
    thresholds = np.full(len(labels), 0.3)
    confident = np.array([0.0, 0.9, 0.0])
    assert combine(["other"], confident, thresholds, labels) == ["dismissive"]
    assert combine(["other"], confident, thresholds, labels, reassuring=True) == ["other"]
    # a brush-off the rules found next to the reassurance stays
    assert combine(["dismissive"], confident, thresholds, labels, reassuring=True) == ["dismissive"]


@pytest.mark.parametrize(
    ("lang", "text", "reassuring"),
    [
        ("nl", "Het is niet makkelijk voor je geweest.", True),
        ("nl", "Dat was geen makkelijke week.", True),
        ("nl", "Je staat er niet alleen voor.", True),
        ("nl", "Het is wel makkelijk, gewoon doen.", False),
        ("en", "It hasn't been easy for you.", True),
        ("en", "That's no small thing.", True),
        ("en", "It's not your fault.", True),
        ("en", "It's easy, just do it.", False),
    ],
)
def test_the_rules_mark_a_reassurance(lang: str, text: str, reassuring: bool) -> None:
    assert label_sentences(text, lang).reassuring is reassuring
