"""roleplay.accounts on SQLite and PostgreSQL: sign-up, sign-in, hashing, expiry, admins, OIDC."""

from __future__ import annotations

import time

import pytest
from argon2 import PasswordHasher

from roleplay.accounts import (
    AccountError,
    Accounts,
    check_password_strength,
    create_admin,
    normalise_email,
    token_hash,
)
from roleplay.storage import Store

PASSWORD = "lange-zin-met-koffie"


@pytest.fixture
def cheap_hasher() -> PasswordHasher:
    """argon2 with tiny costs: the tests check behaviour, not resistance to cracking."""
    return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def accounts(db_store: Store, cheap_hasher: PasswordHasher) -> Accounts:
    return Accounts(db_store, hasher=cheap_hasher)


def _code(error: pytest.ExceptionInfo[AccountError]) -> str:
    return error.value.code


def test_sign_up_sign_in_and_out(accounts: Accounts, db_store: Store) -> None:
    user = accounts.sign_up("  Anna@Example.ORG ", PASSWORD, "Anna  de Vries")
    assert (user.email, user.display_name, user.role) == (
        "anna@example.org",
        "Anna de Vries",
        "leader",
    )
    stored = db_store.password_hash_of(user.id)
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored

    signed_in = accounts.sign_in("ANNA@example.org", PASSWORD)
    assert signed_in.user.id == user.id
    assert db_store.find_auth_session(signed_in.token) is None  # only the hash is stored
    assert db_store.find_auth_session(token_hash(signed_in.token)) is not None
    assert accounts.authenticate(signed_in.token).id == user.id

    accounts.sign_out(signed_in.token)
    with pytest.raises(AccountError) as caught:
        accounts.authenticate(signed_in.token)
    assert _code(caught) == "session_invalid"
    assert accounts.current_user(signed_in.token) is None
    assert accounts.current_user(None) is None


def test_wrong_password_and_unknown_email_look_the_same(accounts: Accounts) -> None:
    accounts.sign_up("anna@example.org", PASSWORD)
    with pytest.raises(AccountError) as wrong_password:
        accounts.sign_in("anna@example.org", PASSWORD + "x")
    with pytest.raises(AccountError) as unknown:
        accounts.sign_in("nobody@example.org", PASSWORD)
    with pytest.raises(AccountError) as malformed:
        accounts.sign_in("not an email", PASSWORD)
    assert _code(wrong_password) == _code(unknown) == _code(malformed) == "credentials_invalid"
    assert str(wrong_password.value) == str(unknown.value)


def test_duplicate_email_is_refused_whatever_its_case(accounts: Accounts) -> None:
    accounts.sign_up("anna@example.org", PASSWORD)
    with pytest.raises(AccountError) as caught:
        accounts.sign_up("ANNA@example.org", PASSWORD)
    assert (_code(caught), caught.value.field) == ("email_taken", "email")


@pytest.mark.parametrize(
    ("email", "code"),
    [
        ("", "email_missing"),
        ("anna", "email_invalid"),
        ("anna@example", "email_invalid"),
        ("an na@example.org", "email_invalid"),
        ("a@b@example.org", "email_invalid"),
    ],
)
def test_email_validation(email: str, code: str) -> None:
    with pytest.raises(AccountError) as caught:
        normalise_email(email)
    assert (_code(caught), caught.value.field) == (code, "email")


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("kort", "password_too_short"),
        ("x" * 300, "password_too_long"),
        ("password123", "password_too_common"),
        ("abababababab", "password_too_common"),
        ("anna.devries", "password_is_email"),
    ],
)
def test_password_rules(password: str, code: str) -> None:
    with pytest.raises(AccountError) as caught:
        check_password_strength(password, email="anna.devries@example.org")
    assert (_code(caught), caught.value.field) == (code, "password")
    assert caught.value.message  # English text for the app to translate by code


def test_sessions_expire(db_store: Store, cheap_hasher: PasswordHasher) -> None:
    short = Accounts(db_store, hasher=cheap_hasher, session_hours=0.2 / 3600)  # 0.2 s
    short.sign_up("anna@example.org", PASSWORD)
    signed_in = short.sign_in("anna@example.org", PASSWORD)
    assert short.authenticate(signed_in.token).email == "anna@example.org"
    time.sleep(0.3)
    with pytest.raises(AccountError) as caught:
        short.authenticate(signed_in.token)
    assert _code(caught) == "session_expired"
    with pytest.raises(AccountError) as again:  # an expired session is also removed
        short.authenticate(signed_in.token)
    assert _code(again) == "session_invalid"


def test_session_lifetime_from_the_environment(
    db_store: Store, cheap_hasher: PasswordHasher, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Accounts(db_store, hasher=cheap_hasher).session_lifetime.total_seconds() == 12 * 3600
    monkeypatch.setenv("OEFENGESPREK_SESSION_HOURS", "2.5")
    assert Accounts(db_store, hasher=cheap_hasher).session_lifetime.total_seconds() == 9000
    monkeypatch.setenv("OEFENGESPREK_SESSION_HOURS", "lang")
    with pytest.raises(AccountError) as caught:
        Accounts(db_store, hasher=cheap_hasher)
    assert _code(caught) == "session_hours_invalid"


def test_admin_email_from_the_environment(
    accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OEFENGESPREK_ADMIN_EMAIL", "Baas@Example.org")
    assert accounts.sign_up("baas@example.org", PASSWORD).role == "admin"
    assert accounts.sign_up("anna@example.org", PASSWORD).role == "leader"


def test_create_admin_creates_or_promotes(
    accounts: Accounts, db_store: Store, cheap_hasher: PasswordHasher
) -> None:
    leader = accounts.sign_up("anna@example.org", PASSWORD)
    db_store.update_user(leader.id, deactivated=True)
    promoted = accounts.create_admin("anna@example.org", "nieuw-en-geheim-99")
    assert (promoted.id, promoted.role, promoted.active) == (leader.id, "admin", True)
    assert accounts.sign_in("anna@example.org", "nieuw-en-geheim-99").user.role == "admin"
    created = create_admin("root@example.org", PASSWORD, "Beheer", store=db_store)
    assert (created.role, created.display_name) == ("admin", "Beheer")


def test_disabled_accounts_cannot_sign_in(accounts: Accounts, db_store: Store) -> None:
    user = accounts.sign_up("anna@example.org", PASSWORD)
    signed_in = accounts.sign_in("anna@example.org", PASSWORD)
    db_store.update_user(user.id, deactivated=True)
    with pytest.raises(AccountError) as on_token:
        accounts.authenticate(signed_in.token)
    with pytest.raises(AccountError) as on_sign_in:
        accounts.sign_in("anna@example.org", PASSWORD)
    assert _code(on_token) == _code(on_sign_in) == "account_disabled"


def test_oidc_users_are_found_or_created(
    accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OEFENGESPREK_ADMIN_EMAIL", "baas@example.org")
    created = accounts.user_from_oidc("Joost@Example.org", "Joost")
    assert (created.email, created.display_name, created.has_password) == (
        "joost@example.org",
        "Joost",
        False,
    )
    assert accounts.user_from_oidc("joost@example.org", "Other name").id == created.id
    assert accounts.user_from_oidc("baas@example.org").role == "admin"
    with pytest.raises(AccountError) as unverified:
        accounts.user_from_oidc("eve@example.org", email_verified=False)
    assert _code(unverified) == "email_unverified"
    with pytest.raises(AccountError) as no_password:  # an OIDC account has no password to guess
        accounts.sign_in("joost@example.org", "")
    assert _code(no_password) == "credentials_invalid"
    assert accounts.authenticate(accounts.start_session(created).token).id == created.id


def test_changing_the_password_ends_other_sessions(accounts: Accounts) -> None:
    user = accounts.sign_up("anna@example.org", PASSWORD)
    signed_in = accounts.sign_in("anna@example.org", PASSWORD)
    with pytest.raises(AccountError) as wrong:
        accounts.change_password(user.id, "niet-mijn-wachtwoord", "nieuw-en-geheim-99")
    assert _code(wrong) == "credentials_invalid"
    accounts.change_password(user.id, PASSWORD, "nieuw-en-geheim-99")
    assert accounts.current_user(signed_in.token) is None
    assert accounts.sign_in("anna@example.org", "nieuw-en-geheim-99").user.id == user.id


def test_weak_hashes_are_upgraded_on_sign_in(db_store: Store, cheap_hasher: PasswordHasher) -> None:
    Accounts(db_store, hasher=cheap_hasher).sign_up("anna@example.org", PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=128, parallelism=1)
    user = Accounts(db_store, hasher=stronger).sign_in("anna@example.org", PASSWORD).user
    stored = db_store.password_hash_of(user.id)
    assert stored is not None and "m=128,t=2" in stored


def test_repeated_failed_sign_ins_lock_the_email_out(
    db_store: Store, cheap_hasher: PasswordHasher
) -> None:
    from datetime import timedelta

    accounts = Accounts(
        db_store, hasher=cheap_hasher, max_failed_sign_ins=3, lockout=timedelta(seconds=0.3)
    )
    accounts.sign_up("anna@example.org", PASSWORD)
    accounts.sign_up("bram@example.org", PASSWORD)
    for _ in range(3):
        with pytest.raises(AccountError):
            accounts.sign_in("anna@example.org", "geraden-wachtwoord")
    with pytest.raises(AccountError) as locked:
        accounts.sign_in("Anna@example.org", PASSWORD)  # even the right password waits
    assert _code(locked) == "too_many_attempts"
    assert accounts.sign_in("bram@example.org", PASSWORD).user.email == "bram@example.org"
    time.sleep(0.35)
    assert accounts.sign_in("anna@example.org", PASSWORD).user.email == "anna@example.org"
