"""Twenty leaders practise at once: no cross-talk between them, nothing lost, on a real database.

Each simulated leader is a thread with its own account, scenario and language, talking
to the scripted persona through the engine (with article retrieval on the real chromadb
index) into a real Store: SQLite, and PostgreSQL when the storage tests' server exists.
Every leader line carries its sender's number, so a turn stored in the wrong session, out
of order or twice shows up. Throughput is reported by `python -m evals bench --load`.
"""

from __future__ import annotations

import re

import pytest

from evals.bench import check_load, run_load
from knowledge import get_index
from roleplay.storage import Store

SESSIONS = 20
TURNS = 3
_TAG = re.compile(r"\((?:leider|leader) (\d+), (?:beurt|turn) (\d+)\)")


@pytest.fixture(scope="module", autouse=True)
def _index_ready() -> None:
    get_index()  # built once, before the threads race for it


def test_twenty_concurrent_sessions_keep_their_own_turns_in_order(db_store: Store) -> None:
    # retrieval is the same on both databases: paid once, on SQLite, to keep the test fast
    grounding = db_store.dialect == "sqlite"
    result = run_load(
        db_store, sessions=SESSIONS, turns_per_session=TURNS, grounding=grounding, run_id="t"
    )

    assert not result.errors, result.errors
    assert len(result.sessions) == SESSIONS, "every leader finished"
    assert check_load(db_store, result) == []

    stored_sessions = [s for s in db_store.list_sessions() if s.scenario_id]
    assert len({s.id for s in stored_sessions}) == SESSIONS, "one stored session per leader"
    owners = {outcome.session_id: outcome.user_id for outcome in result.sessions}
    assert len(set(owners.values())) == SESSIONS
    sender_of: dict[int, int] = {}
    for outcome in result.sessions:
        turns = db_store.list_turns(outcome.session_id, include_retracted=True)
        # opening + (leader, reply) per turn, nothing retracted, positions strictly increasing
        assert len(turns) == 1 + 2 * TURNS
        assert [turn.role for turn in turns] == ["employee"] + ["leader", "employee"] * TURNS
        assert not any(turn.retracted for turn in turns)
        assert [turn.position for turn in turns] == sorted({turn.position for turn in turns})
        tags = [
            tuple(int(x) for x in _TAG.search(turn.text).groups())  # type: ignore[union-attr]
            for turn in turns
            if turn.role == "leader"
        ]
        senders = {sender for sender, _ in tags}
        assert len(senders) == 1, f"session {outcome.session_id} holds lines of {senders}"
        sender_of[outcome.session_id] = senders.pop()
        assert [turn_number for _, turn_number in tags] == list(range(TURNS)), "in order"
        # the store's owner of the session is the thread that said these lines
        assert db_store.get_session(outcome.session_id).user_id == outcome.user_id
    assert sorted(sender_of.values()) == list(range(SESSIONS)), "each leader in one session"
    assert result.leader_turns == SESSIONS * TURNS
    assert result.leader_turns_per_s > 0
