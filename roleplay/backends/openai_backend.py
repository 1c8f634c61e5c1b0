"""The `openai` backend: persona replies from any OpenAI-compatible chat-completions endpoint.

Talks through LangChain's `ChatOpenAI` with the client's own retries switched off, because
we retry ourselves: only before the first piece of a reply has reached the leader (a reply
that broke off half-way is discarded by the engine, never spliced), with exponential
backoff, honouring Retry-After, and always within one overall time budget. Every failure
becomes a BackendError whose message says what happened and what to check.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from roleplay.backends import config
from roleplay.backends.base import (
    Backend,
    BackendConfigError,
    BackendError,
    PersonaPrompt,
)
from roleplay.backends.config import OpenAISettings

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage
    from langchain_openai import ChatOpenAI

logger = logging.getLogger(__name__)


class ModelRequestsBlocked(RuntimeError):
    """A test tried to aim a backend at a real, non-loopback model endpoint.

    Deliberately not a BackendError: nothing may catch it and carry on.
    """


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait between attempts; the overall budget is in OpenAISettings."""

    backoff_base_s: float = 0.5
    backoff_cap_s: float = 8.0
    #: a server asking us to wait longer than this gets an error instead of a frozen UI
    retry_after_cap_s: float = 20.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        backoff = min(self.backoff_cap_s, self.backoff_base_s * (2**attempt))
        # jitter keeps several sessions that failed together from retrying together
        return backoff * random.uniform(0.75, 1.0)


@dataclass
class _Failure:
    """One failed attempt, classified."""

    error: BackendError
    retry: bool
    retry_after: float | None = None
    #: what happened, in a few words, for a reply that broke off half-way
    reason: str = "an error"


def _retry_after_seconds(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date), if any."""
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


class OpenAIBackend(Backend):
    """Streams persona replies from an OpenAI-compatible server (OpenAI, llama.cpp, vLLM, ...)."""

    name: ClassVar[str] = "openai"
    description: ClassVar[str] = (
        "Any OpenAI-compatible chat model (OpenAI, or a local server such as llama.cpp)"
    )
    can_stream: ClassVar[bool] = True
    needs_network: ClassVar[bool] = True
    key_env: ClassVar[str | None] = config.OPENAI_KEY_ENV

    def __init__(
        self,
        settings: OpenAISettings | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        **overrides: Any,
    ) -> None:
        """Build from `settings` (default: the environment), with field `overrides` on top."""
        if settings is None:
            resolved = OpenAISettings.from_env(**overrides)
        else:
            resolved = replace(settings, **overrides) if overrides else settings
        if not config.ALLOW_MODEL_REQUESTS and not config.is_loopback_url(resolved.base_url):
            raise ModelRequestsBlocked(
                f"Tests may not aim a model backend at {resolved.base_url}: use a loopback "
                "server, or mark the test with @pytest.mark.allow_model_requests."
            )
        self.settings = resolved
        self.retry_policy = retry_policy or RetryPolicy()
        self._sleep: Callable[[float], None] = time.sleep
        self._chat = self._build_chat_model()
        if resolved.uses_placeholder_key:
            logger.info(
                "%s is not set; using a placeholder key for the local server at %s",
                config.OPENAI_KEY_ENV,
                resolved.base_url,
            )

    @classmethod
    def unavailable_reason(cls) -> str | None:
        try:
            OpenAISettings.from_env()
        except BackendConfigError as exc:
            return exc.user_message
        return None

    def _build_chat_model(self) -> ChatOpenAI:
        try:
            from langchain_openai import ChatOpenAI
            from pydantic import SecretStr
        except ImportError as exc:  # pragma: no cover - both are core dependencies
            raise BackendConfigError(
                f"The openai backend needs langchain-openai: pip install -e . ({exc})"
            ) from exc
        settings = self.settings
        return ChatOpenAI(
            model=settings.model,
            base_url=settings.base_url,
            api_key=SecretStr(settings.api_key or config.PLACEHOLDER_KEY),
            # a plain number keeps LangChain's shared, cached HTTP client; each request
            # sets its own connect/read timeouts (see _request_options)
            timeout=settings.timeout_s,
            max_retries=0,
            streaming=True,
            stream_usage=False,
            use_responses_api=False,
        )

    def describe(self) -> str:
        text = f"{self.name}: {self.settings.model} at {self.settings.base_url}"
        if self.settings.uses_placeholder_key:
            text += f" (local server, no {config.OPENAI_KEY_ENV} needed)"
        return text

    def sends_text_to(self) -> str | None:
        if config.is_loopback_url(self.settings.base_url):
            return None
        return self.settings.base_url

    # -- one reply -------------------------------------------------------------------------

    def _messages(self, prompt: PersonaPrompt) -> list[BaseMessage]:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        messages: list[BaseMessage] = [SystemMessage(content=prompt.system)]
        messages.extend(kinds[message.role](content=message.content) for message in prompt.messages)
        return messages

    def _request_options(self, prompt: PersonaPrompt, read_s: float) -> dict[str, Any]:
        import openai

        options: dict[str, Any] = {
            "temperature": prompt.temperature,
            "timeout": openai.Timeout(read_s, connect=min(read_s, 10.0)),
        }
        if config.is_official_openai_url(self.settings.base_url):
            options["max_completion_tokens"] = prompt.max_tokens
        else:
            # ChatOpenAI renames max_tokens to max_completion_tokens, which llama.cpp,
            # Ollama and older vLLM ignore: they would then write until the context is full
            options["extra_body"] = {"max_tokens": prompt.max_tokens}
        return options

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        messages = self._messages(prompt)
        started = time.monotonic()
        deadline = started + self.settings.total_timeout_s
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            pieces = 0
            finished = False
            # the last attempt may not outlive the overall budget
            read_s = round(max(0.1, min(self.settings.timeout_s, remaining)), 1)
            stream = self._chat.stream(messages, **self._request_options(prompt, read_s))
            try:
                for chunk in stream:
                    if chunk.response_metadata.get("finish_reason"):
                        finished = True
                    text = str(chunk.text)
                    if text:
                        pieces += 1
                        yield text
                    if time.monotonic() > deadline:
                        raise BackendError(
                            f"The model took longer than {self.settings.total_timeout_s:g} s "
                            "for this reply; it was cut off. Try again, or raise "
                            f"{config.TOTAL_TIMEOUT_ENV}."
                        )
                if pieces == 0:
                    raise BackendError(
                        "The model sent an empty reply. Try again, or choose another model "
                        f"with {config.MODEL_ENV}."
                    )
                if not finished:
                    raise BackendError(
                        "The reply broke off before the model finished (the connection "
                        "closed early). Try again."
                    )
                return
            except BackendError:
                raise
            except Exception as exc:
                failure = self._classify(exc, waited_s=read_s)
                if pieces:
                    raise BackendError(
                        f"The reply broke off half-way ({failure.reason}). Try again."
                    ) from exc
                delay = self._retry_delay(failure, attempt, deadline)
                if delay is None:
                    raise failure.error from exc
                logger.warning(
                    "model request failed (%s); retry %d in %.2f s",
                    failure.error.user_message,
                    attempt + 1,
                    delay,
                )
                self._sleep(delay)
                attempt += 1
            finally:
                # frees the connection at once when the leader stops the reply early
                close = getattr(stream, "close", None)
                if close is not None:
                    close()

    def _retry_delay(self, failure: _Failure, attempt: int, deadline: float) -> float | None:
        """Seconds to wait before the next attempt, or None when we should give up now."""
        if not failure.retry or attempt >= self.settings.max_retries:
            return None
        policy = self.retry_policy
        if failure.retry_after is not None and failure.retry_after > policy.retry_after_cap_s:
            return None
        delay = policy.delay(attempt, failure.retry_after)
        # waiting only to fail on the budget helps nobody; leave time for a real attempt
        if time.monotonic() + delay + min(1.0, self.settings.timeout_s) > deadline:
            return None
        return delay

    def _classify(self, exc: Exception, *, waited_s: float) -> _Failure:
        """Turn whatever the client raised into a specific, user-facing BackendError."""
        import openai

        settings = self.settings
        where = settings.base_url
        if isinstance(exc, openai.APITimeoutError):
            return _Failure(
                BackendError(
                    f"The model at {where} did not answer within {waited_s:g} s "
                    f"(timed out). Try again, or raise {config.TIMEOUT_ENV}."
                ),
                retry=True,
                reason=f"the model fell silent for {waited_s:g} s",
            )
        if isinstance(exc, openai.APIConnectionError):
            return _Failure(
                BackendError(
                    f"Could not reach the model at {where} (connection failed). Check that it "
                    f"is running and that {config.OPENAI_BASE_URL_ENV} is right, then try again."
                ),
                retry=True,
                reason="the connection to the model was lost",
            )
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return _Failure(
                BackendError(
                    f"Authentication failed at {where}: check {config.OPENAI_KEY_ENV}.",
                    retryable=False,
                ),
                retry=False,
            )
        if isinstance(exc, openai.NotFoundError):
            return _Failure(
                BackendError(
                    f"Model not found: {settings.model!r} at {where}. Check "
                    f"{config.MODEL_ENV} (and {config.OPENAI_BASE_URL_ENV}).",
                    retryable=False,
                ),
                retry=False,
            )
        if isinstance(exc, openai.RateLimitError):
            retry_after = _retry_after_seconds(exc.response.headers)
            if _error_code(exc) == "insufficient_quota":
                return _Failure(
                    BackendError(
                        f"The account behind {config.OPENAI_KEY_ENV} has run out of quota "
                        "(HTTP 429, insufficient_quota): check its billing.",
                        retryable=False,
                    ),
                    retry=False,
                )
            wait = f" Try again in {retry_after:.0f} s." if retry_after else " Try again shortly."
            return _Failure(
                BackendError(f"The model at {where} is rate-limiting requests (HTTP 429).{wait}"),
                retry=True,
                retry_after=retry_after,
            )
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            if status >= 500 or status in (408, 409):
                return _Failure(
                    BackendError(
                        f"The model at {where} had a server error (HTTP {status}). Try again."
                    ),
                    retry=True,
                    retry_after=_retry_after_seconds(exc.response.headers),
                )
            detail = _short(exc.message)
            return _Failure(
                BackendError(
                    f"The model at {where} refused the request (HTTP {status}): {detail}",
                    retryable=False,
                ),
                retry=False,
            )
        if isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError):
            return _Failure(
                BackendError(
                    f"The model at {where} sent a malformed response (not the OpenAI "
                    f"chat-completions format). Check {config.OPENAI_BASE_URL_ENV}."
                ),
                retry=False,
                reason="the model sent a malformed response",
            )
        if isinstance(exc, openai.APIError):
            return _Failure(
                BackendError(f"The model at {where} reported an error: {_short(exc.message)}"),
                retry=False,
                reason=f"the model reported an error: {_short(exc.message, 80)}",
            )
        if isinstance(exc, ValueError | KeyError | TypeError | AttributeError):
            # what the SDK and LangChain raise when a 200 response is not what they expect
            logger.warning("unreadable model response: %r", exc)
            return _Failure(
                BackendError(
                    f"The model at {where} sent a malformed response that could not be read. "
                    f"Check {config.OPENAI_BASE_URL_ENV}."
                ),
                retry=False,
            )
        logger.exception("unexpected failure while talking to %s", where)
        return _Failure(
            BackendError(
                f"Unexpected failure while talking to the model at {where} "
                f"({type(exc).__name__}). Try again."
            ),
            retry=False,
        )


def _error_code(exc: Any) -> str | None:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("code"), str):
            return str(error["code"])
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) else None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
