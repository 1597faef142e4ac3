"""training scenarios, drill sets, drill attempts

Revision ID: 0005_training
Revises: 0004_reports
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
import rescue_desk.storage.types

revision = '0005_training'
down_revision = '0004_reports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drill_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('drill', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('training_scenarios',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('source_station', sa.String(length=80), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('imported_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=80), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('drill', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('drill_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trainee', sa.String(length=80), nullable=False),
    sa.Column('drill_set_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('scenario_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('pin_lon', sa.Float(), nullable=False),
    sa.Column('pin_lat', sa.Float(), nullable=False),
    sa.Column('area_km', sa.JSON(), nullable=False),
    sa.Column('approach', sa.String(length=80), nullable=False),
    sa.Column('distance_error_km', sa.Float(), nullable=False),
    sa.Column('truth_inside', sa.Boolean(), nullable=False),
    sa.Column('eta_error_min', sa.Float(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['drill_set_id'], ['drill_sets.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.ForeignKeyConstraint(['scenario_id'], ['training_scenarios.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drill_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_attempts_trainee'), ['trainee'], unique=False)
        batch_op.create_index('ix_drill_attempts_trainee_submitted', ['trainee', 'submitted_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('drill_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_drill_attempts_trainee_submitted')
        batch_op.drop_index(batch_op.f('ix_drill_attempts_trainee'))

    op.drop_table('drill_attempts')
    op.drop_table('training_scenarios')
    op.drop_table('drill_sets')
