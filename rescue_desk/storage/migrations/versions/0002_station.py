"""station layer

Revision ID: 0002_station
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
import rescue_desk.storage.types

revision = '0002_station'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('station_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('landmark_key', sa.String(length=60), nullable=False),
    sa.Column('text', sa.String(length=160), nullable=False),
    sa.Column('lang', sa.String(length=10), nullable=False),
    sa.Column('valid_from', sa.String(length=10), nullable=False),
    sa.Column('valid_to', sa.String(length=10), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_aliases_landmark_key'), ['landmark_key'], unique=False)

    op.create_table('station_hazards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('from_km', sa.Float(), nullable=False),
    sa.Column('to_km', sa.Float(), nullable=False),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.Column('speed_factor', sa.Float(), nullable=False),
    sa.Column('valid_from', sa.String(length=10), nullable=False),
    sa.Column('valid_to', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('station_landmark_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('landmark_key', sa.String(length=60), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=80), nullable=False),
    sa.Column('at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_landmark_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_landmark_versions_landmark_key'), ['landmark_key'], unique=False)

    op.create_table('station_landmarks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipped_id', sa.String(length=60), nullable=True),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.Column('name_zh', sa.String(length=160), nullable=False),
    sa.Column('name_bo', sa.String(length=160), nullable=False),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('elevation_m', sa.Float(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('confidence', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.String(length=10), nullable=False),
    sa.Column('valid_to', sa.String(length=10), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('medical_post', sa.Boolean(), nullable=False),
    sa.Column('vehicle_access', sa.String(length=10), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('shipped_id')
    )
    op.create_table('station_walks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('officer', sa.String(length=80), nullable=False),
    sa.Column('started_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('progress_km', sa.Float(), nullable=False),
    sa.Column('full_loops', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.String(length=200), nullable=False),
    sa.Column('track', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_walks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_walks_officer'), ['officer'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('station_walks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_walks_officer'))

    op.drop_table('station_walks')
    op.drop_table('station_landmarks')
    with op.batch_alter_table('station_landmark_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_landmark_versions_landmark_key'))

    op.drop_table('station_landmark_versions')
    op.drop_table('station_hazards')
    with op.batch_alter_table('station_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_aliases_landmark_key'))

    op.drop_table('station_aliases')
