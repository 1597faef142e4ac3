"""checkins: where a check-in's position came from (typed words, coordinates, map click), the words
typed, its chainage and its uncertainty

Revision ID: 0007_checkin_positions
Revises: 0006_handovers
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0007_checkin_positions"
down_revision = "0006_handovers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position_source", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("position_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("chainage_km", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("radius_m", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_column("radius_m")
        batch_op.drop_column("chainage_km")
        batch_op.drop_column("position_text")
        batch_op.drop_column("position_source")
