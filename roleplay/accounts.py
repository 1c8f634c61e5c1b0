"""Accounts: sign-up, sign-in, expiring sign-in sessions, sign-out, admins and OIDC users.

Passwords are hashed with argon2 (argon2-cffi); only a SHA-256 of each session token
is stored, so a copy of the database cannot be used to sign in. Every failure is an
`AccountError` with a stable `code` (the app translates it) and English text.

Configuration:
- OEFENGESPREK_ADMIN_EMAIL: whoever signs up (or signs in through OIDC with a verified
  address) with this email becomes an admin; admins make coaches.
- OEFENGESPREK_SESSION_HOURS: how long a sign-in lasts (default 12).

After 5 failed sign-ins for one email within 15 minutes, that email is refused until
the oldest failure is 15 minutes old (counted per process, so keep one Accounts per app).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from roleplay.storage import Conflict, Store, UserRecord, UserRole, open_store
from roleplay.storage.columns import utc_now

ADMIN_EMAIL_ENV = "OEFENGESPREK_ADMIN_EMAIL"
SESSION_HOURS_ENV = "OEFENGESPREK_SESSION_HOURS"
DEFAULT_SESSION_HOURS = 12.0
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MAX_DISPLAY_NAME_LENGTH = 200
DEFAULT_MAX_FAILED_SIGN_INS = 5
DEFAULT_LOCKOUT = timedelta(minutes=15)

# a pragmatic check: one @, no spaces, a dot in the domain; the mailbox itself is not verified
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "12345678910",
        "0123456789",
        "password123",
        "password1234",
        "wachtwoord1",
        "wachtwoord123",
        "qwertyuiop",
        "welkom1234",
        "welkom12345",
        "iloveyou123",
        "administrator",
        "letmein1234",
        "aaaaaaaaaa",
    }
)


class AccountError(ValueError):
    """Sign-up or sign-in failed. `code` is stable for translation; `field` names the form field."""

    def __init__(self, code: str, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class SignIn:
    """A successful sign-in: give `token` to the browser (cookie or session state)."""

    token: str
    user: UserRecord
    expires_at: datetime


def normalise_email(email: str) -> str:
    """The email as stored (trimmed, lower case), or AccountError `email_invalid`."""
    clean = email.strip().lower()
    if not clean:
        raise AccountError("email_missing", "Enter your email address.", field="email")
    if len(clean) > 254 or not _EMAIL_PATTERN.match(clean):
        raise AccountError(
            "email_invalid",
            f"{email.strip()!r} is not an email address; it looks like name@example.org.",
            field="email",
        )
    return clean


def check_password_strength(password: str, *, email: str = "") -> None:
    """Raise AccountError when the password is too short, too long or too easy to guess."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            "password_too_short",
            f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.",
            field="password",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(
            "password_too_long",
            f"Use a password of at most {MAX_PASSWORD_LENGTH} characters.",
            field="password",
        )
    lowered = password.lower()
    if lowered in _COMMON_PASSWORDS or len(set(password)) < 4:
        raise AccountError(
            "password_too_common",
            "This password is too easy to guess; choose a longer phrase of your own.",
            field="password",
        )
    if email and lowered in {email.lower(), email.lower().split("@")[0]}:
        raise AccountError(
            "password_is_email",
            "Do not use your email address as your password.",
            field="password",
        )


def session_hours_from_env() -> float:
    raw = os.environ.get(SESSION_HOURS_ENV, "").strip()
    if not raw:
        return DEFAULT_SESSION_HOURS
    try:
        hours = float(raw)
    except ValueError:
        hours = 0.0
    if not hours > 0:
        raise AccountError(
            "session_hours_invalid",
            f"{SESSION_HOURS_ENV}={raw!r} is not a positive number of hours.",
        )
    return hours


def admin_email_from_env() -> str | None:
    raw = os.environ.get(ADMIN_EMAIL_ENV, "").strip().lower()
    return raw or None


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts:
    """Sign-up, sign-in and sign-in sessions on top of a Store."""

    def __init__(
        self,
        store: Store,
        *,
        hasher: PasswordHasher | None = None,
        session_hours: float | None = None,
        max_failed_sign_ins: int = DEFAULT_MAX_FAILED_SIGN_INS,
        lockout: timedelta = DEFAULT_LOCKOUT,
    ) -> None:
        self.store = store
        self.hasher = hasher or PasswordHasher()
        hours = session_hours if session_hours is not None else session_hours_from_env()
        self.session_lifetime = timedelta(hours=hours)
        self.max_failed_sign_ins = max_failed_sign_ins
        self.lockout = lockout
        # failed sign-ins per email, in this process only: enough to slow down guessing
        self._failures: dict[str, list[float]] = {}
        self._failures_lock = threading.Lock()
        # verified against unknown emails so that a wrong email costs as long as a wrong password
        self._dummy_hash = self.hasher.hash(secrets.token_hex(16))

    def hash_password(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify_password(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def sign_up(self, email: str, password: str, display_name: str = "") -> UserRecord:
        """Create a leader account (an admin when the email is $OEFENGESPREK_ADMIN_EMAIL)."""
        clean_email = normalise_email(email)
        check_password_strength(password, email=clean_email)
        name = _clean_display_name(display_name)
        role: UserRole = "admin" if clean_email == admin_email_from_env() else "leader"
        try:
            return self.store.create_user(
                clean_email,
                role=role,
                display_name=name,
                password_hash=self.hash_password(password),
            )
        except Conflict:
            raise AccountError(
                "email_taken",
                "An account with this email address already exists; sign in instead.",
                field="email",
            ) from None

    def sign_in(self, email: str, password: str) -> SignIn:
        """Check the password and open a session; the same error for a wrong email or password."""
        invalid = AccountError(
            "credentials_invalid",
            "The email address or the password is not right.",
            field="password",
        )
        try:
            clean_email = normalise_email(email)
        except AccountError:
            raise invalid from None
        self._refuse_when_locked_out(clean_email)
        user = self.store.find_user_by_email(clean_email)
        stored_hash = self.store.password_hash_of(user.id) if user else None
        if user is None or stored_hash is None:
            self.verify_password(self._dummy_hash, password)
            self._record_failure(clean_email)
            raise invalid
        if not self.verify_password(stored_hash, password):
            self._record_failure(clean_email)
            raise invalid
        with self._failures_lock:
            self._failures.pop(clean_email, None)
        if not user.active:
            raise AccountError(
                "account_disabled",
                "This account has been disabled; ask your coach or administrator.",
                field="email",
            )
        if self.hasher.check_needs_rehash(stored_hash):
            self.store.update_user(user.id, password_hash=self.hash_password(password))
        return self.start_session(user)

    def _recent_failures(self, email: str, now: float) -> list[float]:
        window_start = now - self.lockout.total_seconds()
        recent = [moment for moment in self._failures.get(email, []) if moment > window_start]
        if recent:
            self._failures[email] = recent
        else:
            self._failures.pop(email, None)
        return recent

    def _refuse_when_locked_out(self, email: str) -> None:
        with self._failures_lock:
            now = time.monotonic()
            recent = self._recent_failures(email, now)
            if len(recent) < self.max_failed_sign_ins:
                return
            wait = recent[0] + self.lockout.total_seconds() - now
        minutes = max(1, math.ceil(wait / 60))
        raise AccountError(
            "too_many_attempts",
            f"Too many failed sign-ins for this email address; try again in {minutes} minutes.",
            field="password",
        )

    def _record_failure(self, email: str) -> None:
        with self._failures_lock:
            now = time.monotonic()
            self._recent_failures(email, now)
            self._failures.setdefault(email, []).append(now)

    def start_session(self, user: UserRecord) -> SignIn:
        """Open a sign-in session for a user who proved who they are (password or OIDC)."""
        token = secrets.token_urlsafe(32)
        expires_at = utc_now() + self.session_lifetime
        self.store.create_auth_session(user.id, token_hash(token), expires_at)
        return SignIn(token=token, user=user, expires_at=expires_at)

    def authenticate(self, token: str | None) -> UserRecord:
        """The user a session token belongs to; AccountError when it is unknown or expired."""
        if not token:
            raise AccountError("session_missing", "Please sign in.")
        found = self.store.find_auth_session(token_hash(token))
        if found is None:
            raise AccountError("session_invalid", "Your session has ended; please sign in again.")
        session, user = found
        if session.expires_at <= utc_now():
            self.store.delete_auth_session(token_hash(token))
            raise AccountError("session_expired", "Your session has expired; please sign in again.")
        if not user.active:
            raise AccountError(
                "account_disabled",
                "This account has been disabled; ask your coach or administrator.",
            )
        return user

    def current_user(self, token: str | None) -> UserRecord | None:
        """Like `authenticate`, but None instead of an error."""
        try:
            return self.authenticate(token)
        except AccountError:
            return None

    def sign_out(self, token: str) -> None:
        self.store.delete_auth_session(token_hash(token))

    def sign_out_everywhere(self, user_id: int) -> int:
        return self.store.delete_auth_sessions_of(user_id)

    def change_password(self, user_id: int, old_password: str, new_password: str) -> None:
        """Set a new password after checking the old one; other sign-ins end."""
        stored_hash = self.store.password_hash_of(user_id)
        if stored_hash is None or not self.verify_password(stored_hash, old_password):
            raise AccountError(
                "credentials_invalid", "Your current password is not right.", field="old_password"
            )
        user = self.store.get_user(user_id)
        check_password_strength(new_password, email=user.email)
        self.store.update_user(user_id, password_hash=self.hash_password(new_password))
        self.store.delete_auth_sessions_of(user_id)

    def create_admin(self, email: str, password: str, display_name: str = "") -> UserRecord:
        """Create an admin account, or make an existing account admin and set its password."""
        clean_email = normalise_email(email)
        check_password_strength(password, email=clean_email)
        existing = self.store.find_user_by_email(clean_email)
        if existing is None:
            return self.store.create_user(
                clean_email,
                role="admin",
                display_name=_clean_display_name(display_name),
                password_hash=self.hash_password(password),
            )
        return self.store.update_user(
            existing.id,
            role="admin",
            password_hash=self.hash_password(password),
            deactivated=False,
        )

    def user_from_oidc(
        self, email: str, name: str = "", *, email_verified: bool = True
    ) -> UserRecord:
        """Get or create the user of an OpenID Connect identity (Streamlit `st.login`).

        The identity provider vouches for the email. Such accounts have no password;
        an unverified address is refused, as it could claim someone else's account.
        """
        if not email_verified:
            raise AccountError(
                "email_unverified",
                "Your identity provider has not verified this email address.",
                field="email",
            )
        clean_email = normalise_email(email)
        existing = self.store.find_user_by_email(clean_email)
        if existing is not None:
            if not existing.active:
                raise AccountError(
                    "account_disabled",
                    "This account has been disabled; ask your coach or administrator.",
                )
            return existing
        role: UserRole = "admin" if clean_email == admin_email_from_env() else "leader"
        try:
            return self.store.create_user(
                clean_email, role=role, display_name=_clean_display_name(name)
            )
        except Conflict:  # signed in twice at the same moment
            found = self.store.find_user_by_email(clean_email)
            if found is None:
                raise
            return found


def create_admin(
    email: str, password: str, display_name: str = "", *, store: Store | None = None
) -> UserRecord:
    """Create (or promote) an admin in the configured database."""
    own_store = store is None
    active_store = store or open_store()
    try:
        return Accounts(active_store).create_admin(email, password, display_name)
    finally:
        if own_store:
            active_store.close()


def _clean_display_name(name: str) -> str:
    clean = " ".join(name.split())
    if len(clean) > MAX_DISPLAY_NAME_LENGTH:
        raise AccountError(
            "display_name_too_long",
            f"Use a name of at most {MAX_DISPLAY_NAME_LENGTH} characters.",
            field="display_name",
        )
    return clean
