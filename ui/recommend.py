"""Which scenario to practise next: the one whose learning goals train the weakest dimension.

Pure logic (no Streamlit). A dimension maps to the article headings that teach it; a
scenario trains a heading when one of its learning goals cites it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from roleplay.scenarios import Scenario

#: the main dimensions a leader can be weakest in, and the article headings behind each
DIMENSION_SECTIONS: dict[str, tuple[str, ...]] = {
    "listening": ("Luister op drie niveaus",),
    "expectations": ("Bespreek verwachtingen expliciet",),
    "assumptions": ("Herken je eigen aannames",),
    "presence": ("Wees aanwezig - niet alleen fysiek", "Durf persoonlijk te zijn"),
    "pitfalls": ("Waar gaat het vaak mis?",),
}


@dataclass(frozen=True)
class Recommendation:
    dimension: str
    scenario_id: str


def weakest_dimension(scores: Mapping[str, float]) -> str | None:
    """The main dimension with the lowest score (ties: the order of DIMENSION_SECTIONS)."""
    scored = [
        (float(scores[name]), index, name)
        for index, name in enumerate(DIMENSION_SECTIONS)
        if isinstance(scores.get(name), int | float)
    ]
    if not scored:
        return None
    return min(scored)[2]


def recommend(
    scores: Mapping[str, float], scenarios: Mapping[str, Scenario], current: str | None = None
) -> Recommendation | None:
    """A scenario training the weakest dimension, preferring one other than `current`."""
    dimension = weakest_dimension(scores)
    if dimension is None or not scenarios:
        return None
    sections = set(DIMENSION_SECTIONS[dimension])
    matching = [
        scenario_id
        for scenario_id, scenario in sorted(scenarios.items())
        if any(goal.section in sections for goal in scenario.learning_goals)
    ]
    others = [scenario_id for scenario_id in matching if scenario_id != current]
    fallback = [scenario_id for scenario_id in sorted(scenarios) if scenario_id != current]
    candidates = others or matching or fallback
    return Recommendation(dimension, candidates[0]) if candidates else None
