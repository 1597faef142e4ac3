"""reports: incidents.station_code, imported logbook rows, index for station-year reports

Revision ID: 0004_reports
Revises: 0003_accounts
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
import rescue_desk.storage.types

revision = "0004_reports"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station_code", sa.String(length=20), server_default="tarchen", nullable=False))
        batch_op.create_index("ix_incidents_station_drill_created", ["station_code", "drill", "created_at"],
                              unique=False)
    op.create_table(
        "imported_rows",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("imported_at", rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.PrimaryKeyConstraint("fingerprint"),
    )
    with op.batch_alter_table("imported_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_imported_rows_incident_id"), ["incident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("imported_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imported_rows_incident_id"))
    op.drop_table("imported_rows")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_station_drill_created")
        batch_op.drop_column("station_code")
