"""Every text the user interface shows, in Dutch and English, and `t()` to look one up.

One place for all UI wording keeps the two languages in step: a test asserts that every
key has both languages and that every `t("...")` key the UI uses exists. Texts are
`str.format` templates; `t(key, lang, **fmt)` fills them in.
"""

from __future__ import annotations

from typing import Final

from roleplay.types import LANGUAGES, Language

DEFAULT_LANGUAGE: Final[Language] = "nl"


class UnknownTextError(KeyError):
    """The UI asked for a text key that is not in TEXTS (a programming error, caught by tests)."""


TEXTS: Final[dict[str, dict[Language, str]]] = {
    # --- app shell ------------------------------------------------------------------------
    "app_title": {"nl": "Oefengesprek", "en": "Oefengesprek"},
    "app_tagline": {
        "nl": "Oefen lastige gesprekken als leidinggevende.",
        "en": "Practise the hard conversations of leadership.",
    },
    "language_label": {"nl": "Taal", "en": "Language"},
    "language_name_nl": {"nl": "Nederlands", "en": "Dutch (Nederlands)"},
    "language_name_en": {"nl": "Engels (English)", "en": "English"},
    "nav_section_practice": {"nl": "Oefenen", "en": "Practice"},
    "nav_section_you": {"nl": "Jij", "en": "You"},
    "nav_section_coach": {"nl": "Coach", "en": "Coach"},
    "nav_practice": {"nl": "Oefenen", "en": "Practice"},
    "nav_feedback": {"nl": "Feedback", "en": "Feedback"},
    "nav_history": {"nl": "Geschiedenis", "en": "History"},
    "nav_settings": {"nl": "Instellingen", "en": "Settings"},
    "nav_account": {"nl": "Account en privacy", "en": "Account and privacy"},
    "nav_coach": {"nl": "Coachomgeving", "en": "Coach area"},
    "sidebar_signed_in_as": {"nl": "Ingelogd als **{name}**", "en": "Signed in as **{name}**"},
    "sidebar_guest": {
        "nl": "Je oefent als lokale gast. Je sessies blijven op deze computer.",
        "en": "You are practising as the local guest. Your sessions stay on this computer.",
    },
    "sidebar_backend": {
        "nl": "Gesprekspartner: {backend}",
        "en": "Conversation partner: {backend}",
    },
    "guest_name": {"nl": "Gast", "en": "Guest"},
    # --- shared words -----------------------------------------------------------------------
    "difficulty_label": {"nl": "Moeilijkheid", "en": "Difficulty"},
    "difficulty_easy": {"nl": "Makkelijk", "en": "Easy"},
    "difficulty_normal": {"nl": "Normaal", "en": "Normal"},
    "difficulty_hard": {"nl": "Moeilijk", "en": "Hard"},
    "role_leader": {"nl": "Jij", "en": "You"},
    "role_employee": {"nl": "{name}", "en": "{name}"},
    "not_available": {"nl": "Nog niet beschikbaar: {what}", "en": "Not available yet: {what}"},
    "error_generic": {
        "nl": "Er ging iets mis: {message}",
        "en": "Something went wrong: {message}",
    },
    "loading_index": {
        "nl": "Het artikel wordt geïndexeerd (eenmalig)…",
        "en": "Indexing the article (once)…",
    },
    "loading_backend": {
        "nl": "Gesprekspartner wordt geladen…",
        "en": "Loading the conversation partner…",
    },
    "loading_store": {"nl": "Database wordt geopend…", "en": "Opening the database…"},
    "attribution": {
        "nl": "Bron: {source}",
        "en": "Source: {source}",
    },
    # --- practice: scenario choice -------------------------------------------------------
    "practice_title": {"nl": "Oefenen", "en": "Practice"},
    "practice_intro": {
        "nl": "Kies een gesprek om te oefenen. Je praat met een medewerker die gespeeld "
        "wordt door de computer; daarna krijg je feedback op hoe je luisterde en "
        "verwachtingen uitsprak.",
        "en": "Choose a conversation to practise. You talk with an employee played by the "
        "computer; afterwards you get feedback on how you listened and set expectations.",
    },
    "practice_assignments": {"nl": "Opdrachten van je coach", "en": "Assignments from your coach"},
    "practice_assignment_line": {
        "nl": "**{title}** · {difficulty} · doelscore {target} · uiterlijk {due}",
        "en": "**{title}** · {difficulty} · target score {target} · due {due}",
    },
    "practice_assignment_done": {"nl": "gedaan ({score})", "en": "done ({score})"},
    "practice_scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "practice_no_scenarios": {
        "nl": "Er zijn nog geen scenario's geïnstalleerd.",
        "en": "No scenarios are installed yet.",
    },
    "practice_scenarios_error": {
        "nl": "De scenario's konden niet worden geladen: {message}",
        "en": "The scenarios could not be loaded: {message}",
    },
    "card_persona": {"nl": "Met **{name}**, {role}", "en": "With **{name}**, {role}"},
    "card_situation": {"nl": "Situatie", "en": "Situation"},
    "card_goals": {"nl": "Je oefent", "en": "You practise"},
    "card_difficulty": {
        "nl": "**Moeilijkheid:** :blue-badge[{difficulty}] (aan te passen in de voorbereiding)",
        "en": "**Difficulty:** :blue-badge[{difficulty}] (adjustable in the briefing)",
    },
    "card_choose": {"nl": "Kies dit gesprek", "en": "Choose this conversation"},
    "briefing_title": {"nl": "Voorbereiding: {title}", "en": "Briefing: {title}"},
    "briefing_persona": {"nl": "Je praat met", "en": "You talk with"},
    "briefing_persona_line": {
        "nl": "**{name}** — {role}. {style}",
        "en": "**{name}** — {role}. {style}",
    },
    "briefing_goals": {"nl": "Leerdoelen", "en": "Learning goals"},
    "live_hints_label": {"nl": "Live tips", "en": "Live hints"},
    "live_hints_help": {
        "nl": "Na elke beurt zie je welk gedrag je liet zien en één tip uit het artikel. "
        "Uit = examenmodus: alleen feedback aan het eind.",
        "en": "After each turn you see the behaviours you showed and one hint from the "
        "article. Off = exam mode: feedback only at the end.",
    },
    "start_conversation": {"nl": "Start het gesprek", "en": "Start the conversation"},
    "back_to_scenarios": {"nl": "Ander scenario kiezen", "en": "Choose another scenario"},
    "starting_conversation": {"nl": "Gesprek wordt gestart…", "en": "Starting the conversation…"},
    # --- practice: the conversation --------------------------------------------------------
    "conversation_title": {"nl": "Gesprek: {title}", "en": "Conversation: {title}"},
    "conversation_caption": {
        "nl": "Met {name} · {difficulty} · {mode}",
        "en": "With {name} · {difficulty} · {mode}",
    },
    "mode_hints": {"nl": "met live tips", "en": "with live hints"},
    "mode_exam": {"nl": "examenmodus", "en": "exam mode"},
    "show_briefing": {"nl": "Voorbereiding bekijken", "en": "Show the briefing"},
    "chat_placeholder": {"nl": "Wat zeg je?", "en": "What do you say?"},
    "rewind": {"nl": "Laatste zin terugnemen", "en": "Take back my last line"},
    "rewind_help": {
        "nl": "Haalt je laatste zin en het antwoord weg; de tekst komt terug in het invoerveld.",
        "en": "Removes your last line and the reply; the text comes back for editing.",
    },
    "rewound": {
        "nl": "Teruggenomen. Je vorige zin: {text}",
        "en": "Taken back. Your previous line: {text}",
    },
    "end_conversation": {"nl": "Gesprek afronden", "en": "End the conversation"},
    "end_needs_turn": {
        "nl": "Zeg eerst iets voordat je het gesprek afrondt.",
        "en": "Say something before you end the conversation.",
    },
    "scoring": {"nl": "Je gesprek wordt beoordeeld…", "en": "Scoring your conversation…"},
    "scoring_done": {"nl": "Beoordeling klaar", "en": "Scoring done"},
    "abandon": {"nl": "Stoppen zonder feedback", "en": "Stop without feedback"},
    "thinking": {"nl": "{name} denkt na…", "en": "{name} is thinking…"},
    "backend_error_title": {
        "nl": "Er kwam geen antwoord: {message}",
        "en": "No reply came: {message}",
    },
    "backend_error_kept": {
        "nl": "Je zin is bewaard. Probeer het opnieuw, of neem je zin terug.",
        "en": "Your line is saved. Try again, or take your line back.",
    },
    "retry": {"nl": "Opnieuw proberen", "en": "Try again"},
    "hint_behaviours": {"nl": "Wat je deed: {labels}", "en": "What you did: {labels}"},
    "hint_no_behaviour": {"nl": "geen duidelijk gedrag herkend", "en": "no clear behaviour"},
    "hint_full_passage": {"nl": "De hele passage uit het artikel", "en": "The whole passage"},
    "engine_input_too_long": {
        "nl": "Je zin is te lang ({length} tekens, maximaal {limit}). Maak hem korter of zeg "
        "het in twee beurten.",
        "en": "Your line is too long ({length} characters, at most {limit}). Shorten it or say "
        "it in two turns.",
    },
    "engine_empty_input": {
        "nl": "Je zin is leeg: typ wat je tegen de medewerker wilt zeggen.",
        "en": "Your line is empty: type what you want to say to the employee.",
    },
    "engine_reply_pending": {
        "nl": "De medewerker heeft nog niet geantwoord: probeer het antwoord opnieuw, of neem je "
        "zin terug.",
        "en": "The employee has not answered yet: try the reply again, or take your line back.",
    },
    "engine_not_started": {
        "nl": "Het gesprek is nog niet begonnen: probeer het opnieuw.",
        "en": "The conversation has not started yet: try again.",
    },
    "engine_nothing_to_rewind": {
        "nl": "Er is nog geen zin om terug te nemen.",
        "en": "There is no line to take back yet.",
    },
    "practice_sign_in": {
        "nl": "Log in (Account en privacy) om te oefenen.",
        "en": "Sign in (Account and privacy) to practise.",
    },
    # --- behaviour labels -----------------------------------------------------------------
    "label_summarize": {"nl": "samenvatten", "en": "summarising"},
    "label_name_unspoken": {"nl": "het onuitgesprokene benoemen", "en": "naming the unspoken"},
    "label_name_energy": {"nl": "de energie benoemen", "en": "naming the energy"},
    "label_open_question": {"nl": "open vraag", "en": "open question"},
    "label_check_assumption": {"nl": "aanname checken", "en": "checking an assumption"},
    "label_state_expectation": {"nl": "verwachting uitspreken", "en": "stating an expectation"},
    "label_ask_expectation": {"nl": "naar verwachting vragen", "en": "asking for expectations"},
    "label_self_disclosure": {"nl": "iets van jezelf delen", "en": "sharing something personal"},
    "label_backing": {"nl": "steun geven", "en": "having their back"},
    "label_closed_question": {"nl": "gesloten vraag", "en": "closed question"},
    "label_premature_advice": {"nl": "te snel advies", "en": "premature advice"},
    "label_dismissive": {"nl": "wegwuiven", "en": "dismissive"},
    "label_other": {"nl": "overig", "en": "other"},
    # --- nudges (one per live hint) --------------------------------------------------------
    "nudge_dismissive": {
        "nl": "Dit kan afwijzend overkomen. Erken eerst wat de ander voelt voor je verder gaat.",
        "en": "This may come across as dismissive. Acknowledge what they feel before you move on.",
    },
    "nudge_premature_advice": {
        "nl": "Je geeft al een oplossing. Vraag eerst door: wat speelt er precies?",
        "en": "You are already solving. First ask more: what exactly is going on?",
    },
    "nudge_closed_question": {
        "nl": "Een gesloten vraag geeft een kort antwoord. Probeer een open vraag (wat, hoe).",
        "en": "A closed question gets a short answer. Try an open one (what, how).",
    },
    "nudge_level1": {
        "nl": "Je luistert naar de woorden. Wat wordt er níét gezegd? Benoem het voorzichtig.",
        "en": "You hear the words. What is not being said? Name it, tentatively.",
    },
    "nudge_expectations": {
        "nl": "Goed geluisterd. Maak nu verwachtingen expliciet: wat verwacht jij, wat de ander?",
        "en": "Good listening. Now make expectations explicit: what do you expect, and they?",
    },
    "nudge_assumption": {
        "nl": "Check je aanname: vraag of je het goed ziet in plaats van het in te vullen.",
        "en": "Check your assumption: ask whether you see it right instead of filling it in.",
    },
    "nudge_personal": {
        "nl": "Durf persoonlijk te zijn: wat raakt dit bij jou?",
        "en": "Dare to be personal: what does this touch in you?",
    },
    "nudge_keep_going": {
        "nl": "Mooi. Blijf aanwezig en vat samen wat je hoort voor je verder gaat.",
        "en": "Good. Stay present and summarise what you hear before you move on.",
    },
    # --- feedback --------------------------------------------------------------------------
    "feedback_title": {"nl": "Feedback", "en": "Feedback"},
    "feedback_none": {
        "nl": "Er is nog geen afgerond gesprek. Rond een oefengesprek af om hier je feedback "
        "te zien.",
        "en": "There is no finished conversation yet. End a practice conversation to see your "
        "feedback here.",
    },
    "feedback_not_found": {
        "nl": "Dit gesprek bestaat niet (meer) of is niet van jou.",
        "en": "This conversation does not exist (any more) or is not yours.",
    },
    "feedback_unfinished": {
        "nl": "Dit gesprek is niet afgerond en heeft geen beoordeling.",
        "en": "This conversation was not finished and has no report.",
    },
    "go_practice": {"nl": "Naar oefenen", "en": "Go to practice"},
    "feedback_header": {"nl": "{title}", "en": "{title}"},
    "feedback_meta": {
        "nl": "{date} · {difficulty} · {turns} beurten · gesprekspartner: {backend}",
        "en": "{date} · {difficulty} · {turns} turns · conversation partner: {backend}",
    },
    "overall_score": {"nl": "Totaalscore", "en": "Overall score"},
    "scores_chart": {"nl": "Scores per onderdeel", "en": "Scores per dimension"},
    "score_axis": {"nl": "Score (0-100)", "en": "Score (0-100)"},
    "dimension_axis": {"nl": "Onderdeel", "en": "Dimension"},
    "dimension_details": {"nl": "Onderbouwing per onderdeel", "en": "Evidence per dimension"},
    "dim_listening": {"nl": "Luisteren", "en": "Listening"},
    "dim_listening_level1": {
        "nl": "Luisteren: niveau 1 (woorden)",
        "en": "Listening: level 1 (words)",
    },
    "dim_listening_level2": {
        "nl": "Luisteren: niveau 2 (het onuitgesprokene)",
        "en": "Listening: level 2 (the unspoken)",
    },
    "dim_listening_level3": {
        "nl": "Luisteren: niveau 3 (energie)",
        "en": "Listening: level 3 (energy)",
    },
    "dim_listening_inquiry": {"nl": "Luisteren: doorvragen", "en": "Listening: asking further"},
    "dim_listening_space": {
        "nl": "Luisteren: ruimte laten",
        "en": "Listening: leaving room",
    },
    "dim_expectations": {"nl": "Verwachtingen", "en": "Expectations"},
    "dim_expectations_stated": {"nl": "Verwachtingen uitgesproken", "en": "Expectations stated"},
    "dim_expectations_asked": {"nl": "Verwachtingen gevraagd", "en": "Expectations asked"},
    "dim_assumptions": {"nl": "Aannames checken", "en": "Checking assumptions"},
    "dim_presence": {"nl": "Aanwezigheid", "en": "Presence"},
    "dim_pitfalls": {"nl": "Valkuilen vermeden", "en": "Pitfalls avoided"},
    "dim_overall": {"nl": "Totaal", "en": "Overall"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "evidence_line": {"nl": "Beurt {turn}", "en": "Turn {turn}"},
    "no_evidence": {
        "nl": "Geen voorbeelden in dit gesprek.",
        "en": "No examples in this conversation.",
    },
    "rubric_met": {"nl": "Gehaald", "en": "Met"},
    "rubric_missed": {"nl": "Gemist", "en": "Missed"},
    "transcript": {
        "nl": "Het gesprek, met je gedrag per beurt",
        "en": "The conversation, with your behaviour per turn",
    },
    "citations": {"nl": "Uit het artikel", "en": "From the article"},
    "citations_none": {"nl": "Geen passages geciteerd.", "en": "No passages cited."},
    "reviews_title": {"nl": "Wat je coach ervan vindt", "en": "What your coach thinks"},
    "review_line": {
        "nl": "**{dimension}**: {verdict} met de score",
        "en": "**{dimension}**: {verdict} with the score",
    },
    "review_coach_score": {
        "nl": "eigen score van de coach: {score}",
        "en": "coach's own score: {score}",
    },
    "better_phrasings": {"nl": "Zo kan het sterker", "en": "Stronger ways to say it"},
    "you_said": {"nl": "Je zei", "en": "You said"},
    "try_instead": {"nl": "Probeer", "en": "Try"},
    "why": {"nl": "Waarom", "en": "Why"},
    "next_scenario": {"nl": "Volgende oefening", "en": "Next exercise"},
    "next_scenario_text": {
        "nl": "Je zwakste onderdeel was **{dimension}**. Oefen daarop met **{title}**.",
        "en": "Your weakest dimension was **{dimension}**. Practise it with **{title}**.",
    },
    "next_scenario_button": {"nl": "Oefen dit scenario", "en": "Practise this scenario"},
    "report_text": {"nl": "Volledig rapport (tekst)", "en": "Full report (text)"},
    "export_markdown": {"nl": "Download als Markdown", "en": "Download as Markdown"},
    "export_pdf": {"nl": "Download als PDF", "en": "Download as PDF"},
    "export_failed": {
        "nl": "Exporteren lukte niet: {message}",
        "en": "The export failed: {message}",
    },
    # --- history ---------------------------------------------------------------------------
    "history_title": {"nl": "Geschiedenis en voortgang", "en": "History and progress"},
    "history_none": {
        "nl": "Je hebt nog geen gesprekken gevoerd.",
        "en": "You have not had any conversations yet.",
    },
    "history_progress": {"nl": "Je scores door de tijd", "en": "Your scores over time"},
    "history_progress_few": {
        "nl": "Rond minstens één gesprek af om je voortgang te zien.",
        "en": "Finish at least one conversation to see your progress.",
    },
    "history_sessions": {"nl": "Je gesprekken", "en": "Your conversations"},
    "col_date": {"nl": "Datum", "en": "Date"},
    "col_scenario": {"nl": "Scenario", "en": "Scenario"},
    "col_difficulty": {"nl": "Moeilijkheid", "en": "Difficulty"},
    "col_status": {"nl": "Status", "en": "Status"},
    "col_score": {"nl": "Score", "en": "Score"},
    "col_turns": {"nl": "Beurten", "en": "Turns"},
    "status_finished": {"nl": "afgerond", "en": "finished"},
    "status_open": {"nl": "niet afgerond", "en": "not finished"},
    "history_pick": {"nl": "Gesprek openen", "en": "Open a conversation"},
    "history_open": {"nl": "Rapport openen", "en": "Open the report"},
    "delete_session": {"nl": "Dit gesprek verwijderen", "en": "Delete this conversation"},
    "delete_session_confirm": {
        "nl": "Ja, verwijder dit gesprek en het rapport definitief",
        "en": "Yes, delete this conversation and its report for good",
    },
    "session_deleted": {"nl": "Gesprek verwijderd.", "en": "Conversation deleted."},
    # --- settings --------------------------------------------------------------------------
    "settings_title": {"nl": "Instellingen", "en": "Settings"},
    "settings_language_help": {
        "nl": "Alle tekst van de app, de gesprekspartner en de feedback.",
        "en": "All text of the app, the conversation partner and the feedback.",
    },
    "settings_difficulty": {"nl": "Standaard moeilijkheid", "en": "Default difficulty"},
    "settings_saved": {"nl": "Opgeslagen.", "en": "Saved."},
    "settings_backend": {"nl": "Gesprekspartner (model)", "en": "Conversation partner (model)"},
    "settings_backend_active": {"nl": "Actief: **{name}**", "en": "Active: **{name}**"},
    "settings_backends_table": {"nl": "Beschikbare backends", "en": "Available backends"},
    "col_backend": {"nl": "Naam", "en": "Name"},
    "col_description": {"nl": "Wat", "en": "What"},
    "col_usable": {"nl": "Bruikbaar", "en": "Usable"},
    "col_reason": {"nl": "Toelichting", "en": "Note"},
    "settings_configure": {"nl": "Een ander model instellen", "en": "Configuring another model"},
    "settings_configure_text": {
        "nl": "De app leest de instelling uit omgevingsvariabelen bij het starten. Zet ze en "
        "start de app opnieuw.\n\n"
        "- **Zonder model (standaard, offline):** `OEFENGESPREK_BACKEND=scripted`\n"
        "- **Gehoste dienst (OpenAI-protocol):** `OEFENGESPREK_BACKEND=openai`, "
        "`OPENAI_API_KEY=…`, optioneel `OEFENGESPREK_MODEL=gpt-4o-mini`\n"
        "- **Eigen server (llama.cpp, Ollama, vLLM):** `OEFENGESPREK_BACKEND=openai`, "
        "`OPENAI_BASE_URL=http://127.0.0.1:8080/v1` (geen sleutel nodig)\n"
        "- **Lokaal model-bestand (llama.cpp):** `OEFENGESPREK_BACKEND=local`, "
        "`OEFENGESPREK_LOCAL_MODEL=/pad/naar/model.gguf`\n"
        "- **Time-outs:** `OEFENGESPREK_TIMEOUT` (seconden), `OEFENGESPREK_MAX_RETRIES`",
        "en": "The app reads this from environment variables when it starts. Set them and "
        "restart the app.\n\n"
        "- **No model (default, offline):** `OEFENGESPREK_BACKEND=scripted`\n"
        "- **Hosted service (OpenAI protocol):** `OEFENGESPREK_BACKEND=openai`, "
        "`OPENAI_API_KEY=…`, optionally `OEFENGESPREK_MODEL=gpt-4o-mini`\n"
        "- **Your own server (llama.cpp, Ollama, vLLM):** `OEFENGESPREK_BACKEND=openai`, "
        "`OPENAI_BASE_URL=http://127.0.0.1:8080/v1` (no key needed)\n"
        "- **Local model file (llama.cpp):** `OEFENGESPREK_BACKEND=local`, "
        "`OEFENGESPREK_LOCAL_MODEL=/path/to/model.gguf`\n"
        "- **Timeouts:** `OEFENGESPREK_TIMEOUT` (seconds), `OEFENGESPREK_MAX_RETRIES`",
    },
    "where_transcripts_go": {
        "nl": "Waar je gesprekken heen gaan",
        "en": "Where your conversations go",
    },
    "data_location": {
        "nl": "Je gesprekken en rapporten worden opgeslagen in: `{location}`.",
        "en": "Your conversations and reports are stored in: `{location}`.",
    },
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # --- account ---------------------------------------------------------------------------
    "account_title": {"nl": "Account en privacy", "en": "Account and privacy"},
    "account_guest_intro": {
        "nl": "Je gebruikt de app als lokale **gast**: zonder account, alles blijft in de "
        "database op deze computer. Maak een account aan als een coach je gesprekken mag "
        "zien of je op meerdere plekken oefent.",
        "en": "You are using the app as the local **guest**: no account, everything stays in "
        "the database on this computer. Create an account if a coach should see your "
        "conversations or you practise in several places.",
    },
    "sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "sign_up": {"nl": "Account aanmaken", "en": "Create an account"},
    "sign_out": {"nl": "Uitloggen", "en": "Sign out"},
    "sign_in_sso": {"nl": "Inloggen met {provider}", "en": "Sign in with {provider}"},
    "sign_in_sso_generic": {
        "nl": "Inloggen met je organisatie-account",
        "en": "Sign in with your organisation account",
    },
    "field_email": {"nl": "E-mailadres", "en": "Email address"},
    "field_name": {"nl": "Naam", "en": "Name"},
    "field_password": {"nl": "Wachtwoord", "en": "Password"},
    "field_password_again": {"nl": "Wachtwoord (nogmaals)", "en": "Password (again)"},
    "field_role": {"nl": "Ik ben", "en": "I am"},
    "role_name_leader": {"nl": "leidinggevende", "en": "a leader"},
    "role_name_coach": {"nl": "coach", "en": "a coach"},
    "passwords_differ": {"nl": "De wachtwoorden zijn niet gelijk.", "en": "The passwords differ."},
    "signed_in": {"nl": "Welkom, {name}.", "en": "Welcome, {name}."},
    "signed_out": {"nl": "Je bent uitgelogd.", "en": "You are signed out."},
    "account_profile": {"nl": "Je profiel", "en": "Your profile"},
    "account_role": {"nl": "Rol: {role}", "en": "Role: {role}"},
    "privacy_title": {"nl": "Privacy", "en": "Privacy"},
    "privacy_transcripts_nowhere": {
        "nl": "De gesprekspartner is nu **{backend}**: je tekst verlaat deze computer niet.",
        "en": "The conversation partner is now **{backend}**: your text does not leave this "
        "computer.",
    },
    "privacy_transcripts_endpoint": {
        "nl": "De gesprekspartner is nu **{backend}**: wat je typt wordt naar **{endpoint}** "
        "gestuurd om een antwoord te maken.",
        "en": "The conversation partner is now **{backend}**: what you type is sent to "
        "**{endpoint}** to produce a reply.",
    },
    "delete_account": {"nl": "Account verwijderen", "en": "Delete my account"},
    "delete_account_text": {
        "nl": "Verwijdert je account, al je gesprekken, rapporten en reviews definitief.",
        "en": "Deletes your account and all your conversations, reports and reviews for good.",
    },
    "delete_account_confirm": {
        "nl": "Typ je e-mailadres om te bevestigen",
        "en": "Type your email address to confirm",
    },
    "delete_account_mismatch": {
        "nl": "Dat is niet je e-mailadres; er is niets verwijderd.",
        "en": "That is not your email address; nothing was deleted.",
    },
    "account_deleted": {"nl": "Je account is verwijderd.", "en": "Your account was deleted."},
    "delete_guest_data": {
        "nl": "Alle gastgesprekken verwijderen",
        "en": "Delete all guest conversations",
    },
    "guest_data_deleted": {
        "nl": "{count} gesprekken verwijderd.",
        "en": "{count} conversations deleted.",
    },
    "confirm": {"nl": "Bevestigen", "en": "Confirm"},
    # --- coach -----------------------------------------------------------------------------
    "coach_col_leader": {"nl": "Leidinggevende", "en": "Leader"},
    "coach_col_assignments": {"nl": "Opdrachten gedaan", "en": "Assignments done"},
    "coach_col_sessions": {"nl": "Gesprekken", "en": "Conversations"},
    "coach_target_met": {"nl": "doelscore gehaald", "en": "target met"},
    "coach_overdue": {"nl": "te laat", "en": "overdue"},
    "coach_groups": {"nl": "Groepen", "en": "Groups"},
    "coach_group": {"nl": "Groep", "en": "Group"},
    "coach_group_name": {"nl": "Naam van een nieuwe groep", "en": "Name of a new group"},
    "coach_group_create": {"nl": "Groep aanmaken", "en": "Create the group"},
    "coach_group_created": {"nl": "Groep aangemaakt.", "en": "Group created."},
    "coach_group_label": {"nl": "Groep: {name}", "en": "Group: {name}"},
    "coach_member_add": {"nl": "Leidinggevende toevoegen", "en": "Add the leader"},
    "coach_member_added": {"nl": "{name} toegevoegd.", "en": "{name} added."},
    "coach_member_unknown": {
        "nl": "Er is geen actief account met dit e-mailadres.",
        "en": "There is no active account with this email address.",
    },
    "coach_assignment_delete": {"nl": "Intrekken", "en": "Withdraw"},
    "coach_review_report": {
        "nl": "Het rapport en het gesprek",
        "en": "The report and the conversation",
    },
    "coach_mean_difference": {
        "nl": "Gem. verschil met eigen score",
        "en": "Mean difference from own score",
    },
    "role_name_admin": {"nl": "beheerder", "en": "an administrator"},
    "account_credentials_invalid": {
        "nl": "Het e-mailadres of het wachtwoord klopt niet.",
        "en": "The email address or the password is not right.",
    },
    "account_email_taken": {
        "nl": "Er bestaat al een account met dit e-mailadres; log in.",
        "en": "An account with this email address already exists; sign in instead.",
    },
    "account_email_missing": {"nl": "Vul je e-mailadres in.", "en": "Enter your email address."},
    "account_email_invalid": {
        "nl": "Dit is geen e-mailadres; het ziet eruit als naam@voorbeeld.nl.",
        "en": "This is not an email address; it looks like name@example.org.",
    },
    "account_password_too_short": {
        "nl": "Gebruik een wachtwoord van minstens 10 tekens.",
        "en": "Use a password of at least 10 characters.",
    },
    "account_password_too_common": {
        "nl": "Dit wachtwoord is te makkelijk te raden; kies een langere eigen zin.",
        "en": "This password is too easy to guess; choose a longer phrase of your own.",
    },
    "account_password_is_email": {
        "nl": "Gebruik je e-mailadres niet als wachtwoord.",
        "en": "Do not use your email address as your password.",
    },
    "account_account_disabled": {
        "nl": "Dit account is uitgeschakeld; vraag je coach of beheerder.",
        "en": "This account has been disabled; ask your coach or administrator.",
    },
    "coach_scenario_mode": {"nl": "Bewerken als", "en": "Edit as"},
    "coach_mode_form": {"nl": "formulier", "en": "form"},
    "coach_mode_yaml": {"nl": "YAML", "en": "YAML"},
    "form_id": {"nl": "Id", "en": "Id"},
    "form_id_help": {
        "nl": "Kleine letters, cijfers en streepjes, bijv. lastig-gesprek-ziekte.",
        "en": "Lower-case letters, digits and hyphens, e.g. hard-talk-sick-leave.",
    },
    "form_title": {"nl": "Titel", "en": "Title"},
    "form_description": {"nl": "Beschrijving", "en": "Description"},
    "form_briefing": {
        "nl": "Voorbereiding voor de leidinggevende",
        "en": "Briefing for the leader",
    },
    "form_situation": {"nl": "Situatie", "en": "Situation"},
    "form_persona": {"nl": "Persona", "en": "Persona"},
    "form_persona_name": {"nl": "Naam", "en": "Name"},
    "form_persona_age": {"nl": "Leeftijd", "en": "Age"},
    "form_persona_role": {"nl": "Functie", "en": "Role"},
    "form_persona_generation": {"nl": "Generatie", "en": "Generation"},
    "form_persona_style": {"nl": "Stijl", "en": "Style"},
    "form_goals": {"nl": "Leerdoelen", "en": "Learning goals"},
    "form_goal_section": {"nl": "Kopje in het artikel", "en": "Heading in the article"},
    "form_goal_text": {"nl": "Leerdoel", "en": "Learning goal"},
    "form_advanced": {
        "nl": "Verborgen feiten, moeilijkheid en zinnen (YAML)",
        "en": "Hidden facts, difficulty and lines (YAML)",
    },
    "form_advanced_help": {
        "nl": "hidden_facts, lines en optioneel difficulty en simulated_leaders, zoals in "
        "roleplay/scenarios/AUTHORING.md.",
        "en": "hidden_facts, lines and optionally difficulty and simulated_leaders, as in "
        "roleplay/scenarios/AUTHORING.md.",
    },
    "coach_title": {"nl": "Coachomgeving", "en": "Coach area"},
    "coach_sign_in": {
        "nl": "Log in met een coach-account om scenario's te schrijven, opdrachten te geven "
        "en gesprekken te beoordelen.",
        "en": "Sign in with a coach account to write scenarios, assign them and review "
        "conversations.",
    },
    "coach_tab_dashboard": {"nl": "Overzicht", "en": "Dashboard"},
    "coach_tab_assign": {"nl": "Opdracht geven", "en": "Assign"},
    "coach_tab_review": {"nl": "Beoordelen", "en": "Review"},
    "coach_tab_scenarios": {"nl": "Scenario schrijven", "en": "Write a scenario"},
    "coach_tab_agreement": {"nl": "Overeenstemming", "en": "Agreement"},
    "coach_no_assignments": {"nl": "Nog geen opdrachten.", "en": "No assignments yet."},
    "coach_assign_to": {"nl": "Voor wie", "en": "For whom"},
    "coach_assign_scenario": {"nl": "Scenario", "en": "Scenario"},
    "coach_assign_due": {"nl": "Uiterlijk", "en": "Due"},
    "coach_assign_target": {"nl": "Doelscore", "en": "Target score"},
    "coach_assign_submit": {"nl": "Opdracht geven", "en": "Assign"},
    "coach_assigned": {"nl": "Opdracht gegeven.", "en": "Assigned."},
    "coach_no_leaders": {
        "nl": "Er zijn nog geen leidinggevenden of groepen om een opdracht aan te geven.",
        "en": "There are no leaders or groups to assign to yet.",
    },
    "coach_review_pick": {"nl": "Gesprek om te beoordelen", "en": "Conversation to review"},
    "coach_review_none": {
        "nl": "Nog geen afgeronde gesprekken.",
        "en": "No finished conversations yet.",
    },
    "coach_verdict": {"nl": "Eens met de score?", "en": "Agree with the score?"},
    "verdict_agree": {"nl": "eens", "en": "agree"},
    "verdict_partly": {"nl": "deels", "en": "partly"},
    "verdict_disagree": {"nl": "oneens", "en": "disagree"},
    "coach_own_score": {"nl": "Eigen score (optioneel)", "en": "Own score (optional)"},
    "coach_comment": {"nl": "Opmerking (optioneel)", "en": "Comment (optional)"},
    "coach_review_submit": {"nl": "Beoordeling opslaan", "en": "Save the review"},
    "coach_review_saved": {"nl": "Beoordeling opgeslagen.", "en": "Review saved."},
    "coach_agreement_none": {"nl": "Nog geen beoordelingen.", "en": "No reviews yet."},
    "coach_scenario_yaml": {"nl": "Scenario (YAML)", "en": "Scenario (YAML)"},
    "coach_scenario_help": {
        "nl": "Schrijf of plak een scenario in hetzelfde formaat als de meegeleverde bestanden. "
        "Fouten worden per veld gemeld.",
        "en": "Write or paste a scenario in the same format as the shipped files. Errors are "
        "reported per field.",
    },
    "coach_scenario_start_from": {"nl": "Begin met", "en": "Start from"},
    "coach_scenario_validate": {"nl": "Controleren", "en": "Validate"},
    "coach_scenario_save": {"nl": "Opslaan", "en": "Save"},
    "coach_scenario_valid": {"nl": "Het scenario is geldig.", "en": "The scenario is valid."},
    "coach_scenario_saved": {"nl": "Scenario opgeslagen.", "en": "Scenario saved."},
    "coach_scenario_errors": {"nl": "Fouten in het scenario", "en": "Errors in the scenario"},
    "coach_try_persona": {"nl": "Probeer de persona", "en": "Try the persona"},
    "coach_try_line": {
        "nl": "Wat zeg je tegen de persona?",
        "en": "What do you say to the persona?",
    },
    "coach_try_send": {"nl": "Versturen", "en": "Send"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **fmt: object) -> str:
    """The text for `key` in `lang` (falling back to Dutch), with `fmt` filled in."""
    try:
        entry = TEXTS[key]
    except KeyError:
        raise UnknownTextError(f"no UI text with key {key!r} in roleplay.i18n.TEXTS") from None
    language: Language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    template = entry.get(language, entry[DEFAULT_LANGUAGE])
    return template.format(**fmt) if fmt else template


def language_name(lang: str, in_lang: str) -> str:
    """The name of language `lang`, written in `in_lang`."""
    return t(f"language_name_{lang}", in_lang)


def normalise_language(value: object) -> Language:
    """A supported language code for any input; unknown values get the default."""
    if isinstance(value, str) and value.strip().lower()[:2] in LANGUAGES:
        return value.strip().lower()[:2]  # type: ignore[return-value]
    return DEFAULT_LANGUAGE
