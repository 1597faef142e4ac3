"""Alembic environment: run with a connection handed in by ``rescue_desk.storage.migrate``."""

from alembic import context

from rescue_desk.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through 'rescue-desk db upgrade', which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    user_module_prefix="rescue_desk.storage.types.",
)
with context.begin_transaction():
    context.run_migrations()
