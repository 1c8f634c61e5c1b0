"""Which persona backends exist, which of them can run now, and which one is active.

Like simonw/llm, built-in backends are found exactly the way plug-ins are: through the
`oefengesprek.backends` entry-point group (see pyproject.toml). `register_backend` adds one
from code (tests, notebooks). With nothing configured the app uses `scripted`, which needs
no key and sends nothing anywhere, so it always works.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from roleplay.backends import config
from roleplay.backends.base import Backend, BackendConfigError
from roleplay.backends.config import resolve_key

__all__ = [
    "BackendInfo",
    "active_backend_description",
    "available_backends",
    "backend_names",
    "describe_backend",
    "get_backend",
    "register_backend",
    "resolve_key",
    "selected_backend_name",
    "unregister_backend",
]

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "oefengesprek.backends"

BackendFactory = Callable[[], Backend]


@dataclass(frozen=True)
class BackendInfo:
    """One backend as the UI lists it."""

    name: str
    description: str
    available: bool
    #: what to install or set before it can be used, when it cannot be used now
    reason: str | None = None
    needs_network: bool = False


@dataclass
class _Registration:
    name: str
    #: an entry point still to be imported, or the factory itself
    entry_point: Any | None = None
    factory: BackendFactory | None = None
    load_error: str | None = None


_lock = threading.Lock()
_registry: dict[str, _Registration] | None = None


def _discover() -> dict[str, _Registration]:
    global _registry
    with _lock:
        if _registry is None:
            found: dict[str, _Registration] = {}
            for entry_point in entry_points(group=ENTRY_POINT_GROUP):
                found[entry_point.name] = _Registration(entry_point.name, entry_point=entry_point)
            _registry = found
        return _registry


def register_backend(name: str, factory: BackendFactory, *, replace: bool = False) -> None:
    """Make `factory` available as backend `name` (a Backend subclass or any callable)."""
    registry = _discover()
    with _lock:
        if name in registry and not replace:
            raise ValueError(f"a backend called {name!r} is already registered")
        registry[name] = _Registration(name, factory=factory)


def unregister_backend(name: str) -> None:
    """Forget a backend registered from code (tests clean up with this)."""
    registry = _discover()
    with _lock:
        registry.pop(name, None)


def backend_names() -> list[str]:
    return sorted(_discover())


def _factory(registration: _Registration) -> BackendFactory:
    if registration.factory is None:
        if registration.load_error is not None:
            raise BackendConfigError(registration.load_error)
        assert registration.entry_point is not None
        try:
            registration.factory = registration.entry_point.load()
        except Exception as exc:
            # a broken plug-in must not take the app down; it is simply unavailable
            registration.load_error = (
                f"The {registration.name} backend could not be loaded "
                f"({type(exc).__name__}: {exc}). Reinstall the package that provides it."
            )
            logger.warning(registration.load_error)
            raise BackendConfigError(registration.load_error) from exc
    assert registration.factory is not None
    return registration.factory


def available_backends() -> list[BackendInfo]:
    """Every registered backend, and for each whether it can run now or what it still needs."""
    infos: list[BackendInfo] = []
    for name in backend_names():
        registration = _discover()[name]
        try:
            factory = _factory(registration)
        except BackendConfigError as exc:
            infos.append(BackendInfo(name, "", available=False, reason=exc.user_message))
            continue
        reason: str | None = None
        check = getattr(factory, "unavailable_reason", None)
        if callable(check):
            try:
                reason = check()
            except Exception as exc:
                reason = f"The {name} backend cannot check its configuration: {exc}"
        infos.append(
            BackendInfo(
                name=name,
                description=str(getattr(factory, "description", "") or ""),
                available=reason is None,
                reason=reason,
                needs_network=bool(getattr(factory, "needs_network", False)),
            )
        )
    return infos


def selected_backend_name(name: str | None = None) -> str:
    """The backend to use: the argument, else $OEFENGESPREK_BACKEND, else `scripted`."""
    chosen = name or os.environ.get(config.BACKEND_ENV, "").strip() or config.DEFAULT_BACKEND
    return chosen.strip().lower()


def get_backend(name: str | None = None) -> Backend:
    """Build the chosen backend, wrapped in a fallback when $OEFENGESPREK_FALLBACK names one.

    Raises BackendConfigError when the name is unknown (listing the valid names) or the
    backend is not configured (saying exactly what to install or set).
    """
    chosen = selected_backend_name(name)
    backend = _build(chosen, source="argument" if name else config.BACKEND_ENV)
    fallback_name = os.environ.get(config.FALLBACK_ENV, "").strip().lower()
    if fallback_name and fallback_name != chosen:
        from roleplay.backends.fallback import FallbackBackend

        return FallbackBackend(backend, _build(fallback_name, source=config.FALLBACK_ENV))
    return backend


def _build(name: str, *, source: str) -> Backend:
    registry = _discover()
    registration = registry.get(name)
    if registration is None:
        valid = ", ".join(sorted(registry)) or "(none installed)"
        where = f" (from {source})" if source != "argument" else ""
        raise BackendConfigError(
            f"Unknown backend {name!r}{where}. Choose one of: {valid}; "
            f"set {config.BACKEND_ENV} to one of them."
        )
    factory = _factory(registration)
    backend = factory()
    if not isinstance(backend, Backend):
        raise BackendConfigError(
            f"The {name} backend's factory returned {type(backend).__name__}, not a Backend."
        )
    return backend


def _switch_hint() -> str:
    names = "|".join(backend_names())
    return f"switch with {config.BACKEND_ENV}={names}"


def describe_backend(backend: Backend) -> str:
    """One line for the UI: which backend, where the transcript goes, how to switch."""
    destination = backend.sends_text_to()
    where = (
        f"the conversation is sent to {destination}"
        if destination
        else "nothing leaves this machine"
    )
    return f"{backend.describe()}; {where}; {_switch_hint()}"


def active_backend_description(backend: Backend | None = None) -> str:
    """Describe `backend`, or the configured one; never raises (the UI shows what is wrong).

    e.g. "openai: gpt-4o-mini at https://api.openai.com/v1; the conversation is sent to
    https://api.openai.com/v1; switch with OEFENGESPREK_BACKEND=local|openai|scripted".
    """
    if backend is not None:
        return describe_backend(backend)
    name = selected_backend_name()
    try:
        return describe_backend(get_backend(name))
    except BackendConfigError as exc:
        return f"{name}: not usable: {exc.user_message}; {_switch_hint()}"
