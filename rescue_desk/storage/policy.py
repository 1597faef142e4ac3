"""The write policy ``Database.write`` consults for every unit of work: may ``actor`` perform
``operation``? Bootstrap rule: while no account exists (fresh install, demo, tests) every write is
allowed, as before accounts existed; once the first account exists, the actor must be an enabled
account whose role grants the operation's permission (``rescue_desk.domain.roles``)."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from rescue_desk.domain import roles

from .errors import PermissionDenied
from .models_auth import User


def accounts_exist(session: Session) -> bool:
    """True once any account (enabled or not) has been created."""
    return session.scalar(select(User.id).limit(1)) is not None


def _look_up(session: Session, actor: str) -> tuple[str | None, bool | None, bool]:
    """(role, disabled) of ``actor`` (None, None when no such account) and whether any account exists:
    one round trip, no ORM objects (this runs for every write)."""
    mine = select(User.role, User.disabled).where(User.name == actor).subquery()
    row = session.execute(select(select(mine.c.role).scalar_subquery(), select(mine.c.disabled).scalar_subquery(),
                                 exists().where(User.id.is_not(None)))).one()
    return row[0], row[1], bool(row[2])


def account_policy(session: Session, actor: str, operation: str) -> None:
    """Raise PermissionDenied unless ``actor`` may run ``operation`` (runs inside the write transaction)."""
    role, disabled, any_account = _look_up(session, actor)
    if role is None:
        if not any_account:
            return
        raise PermissionDenied(f"'{actor}' is not an account of this station; log in to make changes.")
    if disabled:
        raise PermissionDenied(f"The account '{actor}' is disabled.")
    permission = roles.permission_for(operation)
    if not roles.allows(role, permission):
        raise PermissionDenied(f"The role {role} may not do this ({operation}: needs {permission}).")


def personal_data_hidden(session: Session, viewer: str) -> bool:
    """True when ``viewer`` may not see personal data: once accounts exist, unless ``viewer`` is an
    enabled account whose role grants ``view_personal``."""
    user = session.scalar(select(User).where(User.name == viewer))
    if user is None:
        return accounts_exist(session)
    return user.disabled or not roles.allows(user.role, roles.VIEW_PERSONAL)
