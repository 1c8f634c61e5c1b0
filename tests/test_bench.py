"""Smoke test of `python -m evals bench`: it runs end to end on tiny settings and reports
every figure; budgets are not asserted here (speed belongs in the benchmark itself)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from evals import bench
from evals.__main__ import main

KEYS = (
    "turn_overhead_ms_p50",
    "turn_overhead_ms_p95",
    "score_ms_20_turns",
    "index_build_cold_s",
    "index_load_warm_s",
    "app_first_render_s",
    "local_ttft_s",
    "local_tokens_per_s",
    "machine",
    "budgets",
)


def test_bench_runs_end_to_end_and_reports_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    tiny = ["--turns", "3", "--score-runs", "1", "--index-runs", "1", "--no-local"]
    code = main(["bench", "--json", *tiny, "--no-fail"])
    assert code == 0
    figures = json.loads(capsys.readouterr().out)
    for key in KEYS:
        assert key in figures, key
    assert figures["turns"] == 3
    assert figures["turn_overhead_ms_p50"] > 0
    assert figures["score_ms_20_turns"] > 0
    assert figures["index_build_cold_s"] > 0 and figures["index_load_warm_s"] > 0
    assert figures["app_health_s"] > 0 and figures["app_first_render_s"] > 0
    assert figures["local_ttft_s"] is None and "local" in figures["skipped"]
    assert set(figures["machine"]) >= {"cpu", "cores", "memory_gb", "python"}
    assert set(figures["budgets"]) == {
        "turn_overhead_ms_p95",
        "score_ms_20_turns",
        "index_load_warm_s",
    }
    for entry in figures["budgets"].values():
        assert entry["pass"] in (True, False)
    assert "| Turn overhead p95" in bench.render_table(figures)


def fake_results(**overrides: Any) -> dict[str, Any]:
    results: dict[str, Any] = {
        "turn_overhead_ms_p95": 10.0,
        "score_ms_20_turns": 20.0,
        "index_load_warm_s": 0.5,
    }
    results.update(overrides)
    return {**results, "budgets": bench.budgets(results)}


@pytest.mark.parametrize(
    ("overrides", "no_fail", "expected"),
    [
        ({}, False, 0),
        ({"turn_overhead_ms_p95": 51.0}, False, 1),
        ({"score_ms_20_turns": 501.0}, False, 1),
        ({"index_load_warm_s": 1.5}, False, 1),
        ({"index_load_warm_s": 1.5}, True, 0),
        ({"index_load_warm_s": None}, False, 0),
    ],
)
def test_exit_code_follows_the_budgets(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    overrides: dict[str, Any],
    no_fail: bool,
    expected: int,
) -> None:
    monkeypatch.setattr(bench, "run_bench", lambda **kwargs: fake_results(**overrides))
    argv = ["bench", "--json"] + (["--no-fail"] if no_fail else [])
    assert main(argv) == expected
    assert json.loads(capsys.readouterr().out)["budgets"]


def test_percentile_interpolates() -> None:
    assert bench.percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert bench.percentile([0.0, 10.0], 0.95) == pytest.approx(9.5)
    assert bench.percentile([7.0], 0.95) == 7.0
