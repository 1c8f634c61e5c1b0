"""Small building blocks the pages share: safe text, scenario cards, passages and charts.

Anything a user or coach typed goes through `md_escape` (or st.text) before Markdown
rendering, so it is shown as typed and never interpreted as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from roleplay.export import escape_markdown
from roleplay.i18n import t
from roleplay.types import Language

PERSONA_AVATAR = ":material/person:"
LEADER_AVATAR = ":material/record_voice_over:"

# Streamlit's Markdown also knows `$math$`, `:color[...]` directives and `:emoji:` codes.
_DIRECTIVE = re.compile(r":(?=[A-Za-z_])")


def md_escape(text: object) -> str:
    """`text` ready for st.markdown: rendered literally, line breaks kept."""
    escaped = escape_markdown(str(text)).replace("$", "\\$")
    escaped = _DIRECTIVE.sub(":\u200b", escaped)
    return escaped.replace("\n", "  \n")


def label_badges(labels: Iterable[str], lang: Language) -> str:
    """Behaviour labels as Markdown badges, good ones green, pitfalls orange."""
    pitfalls = {"closed_question", "premature_advice", "dismissive"}
    parts = []
    for label in labels:
        key = f"label_{label}"
        name = t(key, lang) if _has_text(key) else label
        colour = "orange" if label in pitfalls else "gray" if label == "other" else "green"
        parts.append(f":{colour}-badge[{md_escape(name)}]")
    return " ".join(parts)


def _has_text(key: str) -> bool:
    from roleplay.i18n import TEXTS

    return key in TEXTS


def difficulty_name(difficulty: str, lang: Language) -> str:
    key = f"difficulty_{difficulty}"
    return t(key, lang) if _has_text(key) else difficulty


def dimension_name(dimension: str, lang: Language) -> str:
    key = f"dim_{dimension}"
    return t(key, lang) if _has_text(key) else dimension


def passage(text: str, heading: str, source: str, lang: Language) -> None:
    """An article passage as a quote, with its heading and attribution."""
    with st.container(border=True):
        if heading:
            st.markdown(f"**{md_escape(heading)}**")
        st.markdown("> " + md_escape(text).replace("  \n", "  \n> "))
        if source:
            st.caption(t("attribution", lang, source=md_escape(source)))


def scores_chart(rows: Sequence[tuple[str, float]], lang: Language, *, key: str) -> None:
    """Horizontal bars, one per dimension, on a fixed 0-100 scale."""
    frame = pd.DataFrame(
        {
            t("dimension_axis", lang): [dimension_name(name, lang) for name, _ in rows],
            t("score_axis", lang): [round(value, 1) for _, value in rows],
        }
    )
    dimension, score = t("dimension_axis", lang), t("score_axis", lang)
    chart = (
        alt.Chart(frame)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(f"{score}:Q", scale=alt.Scale(domain=[0, 100]), title=score),
            y=alt.Y(f"{dimension}:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                f"{score}:Q",
                scale=alt.Scale(domain=[0, 50, 100], range=["#d9534f", "#f0ad4e", "#5cb85c"]),
                legend=None,
            ),
            tooltip=[dimension, score],
        )
        .properties(height=max(120, 32 * len(rows)))
    )
    st.altair_chart(chart, width="stretch", key=key)


def progress_chart(points: list[dict[str, Any]], lang: Language, *, key: str) -> None:
    """Scores over time: one line per dimension, x = session date."""
    frame = pd.DataFrame(points)
    dimension, score, date = t("dimension_axis", lang), t("score_axis", lang), t("col_date", lang)
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{date}:T", title=date, axis=alt.Axis(format="%d-%m %H:%M", labelAngle=0)),
            y=alt.Y(f"{score}:Q", scale=alt.Scale(domain=[0, 100]), title=score),
            color=alt.Color(f"{dimension}:N", title=None),
            tooltip=[date, dimension, score],
        )
        .properties(height=300)
    )
    st.altair_chart(chart, width="stretch", key=key)


def progress_points(
    summaries: Sequence[Any], dimensions: Sequence[str], lang: Language
) -> list[dict[str, Any]]:
    """Chart rows (date, dimension, score) of the finished, scored sessions in `summaries`."""
    dimension, score, date = t("dimension_axis", lang), t("score_axis", lang), t("col_date", lang)
    points = []
    for summary in summaries:
        if not summary.session.finished or not summary.scores:
            continue
        values = dict(summary.scores)
        if "overall" not in values and summary.overall is not None:
            values["overall"] = summary.overall
        for name in dimensions:
            if isinstance(values.get(name), int | float):
                points.append(
                    {
                        date: summary.session.started_at.isoformat(),
                        dimension: dimension_name(name, lang),
                        score: round(float(values[name]), 1),
                    }
                )
    return points
