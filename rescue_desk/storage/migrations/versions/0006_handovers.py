"""handovers: shift handovers with notes for the next shift

Revision ID: 0006_handovers
Revises: 0005_training
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa
import rescue_desk.storage.types

revision = "0006_handovers"
down_revision = "0005_training"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("since", rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("handed_by", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handovers_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handovers_at"))
    op.drop_table("handovers")
