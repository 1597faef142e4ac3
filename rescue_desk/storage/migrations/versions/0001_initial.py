"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
import rescue_desk.storage.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('operation', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_incident_id'), ['incident_id'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=True),
    sa.Column('closed_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('party_size', sa.Integer(), nullable=False),
    sa.Column('est_lon', sa.Float(), nullable=True),
    sa.Column('est_lat', sa.Float(), nullable=True),
    sa.Column('est_chainage_km', sa.Float(), nullable=True),
    sa.Column('est_method', sa.String(length=20), nullable=True),
    sa.Column('est_uncertainty_m', sa.Float(), nullable=True),
    sa.Column('est_intervals', sa.JSON(), nullable=True),
    sa.Column('pos_lon', sa.Float(), nullable=True),
    sa.Column('pos_lat', sa.Float(), nullable=True),
    sa.Column('pos_chainage_km', sa.Float(), nullable=True),
    sa.Column('pos_source', sa.String(length=20), nullable=True),
    sa.Column('pos_confirmed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('drill', sa.Boolean(), nullable=False),
    sa.Column('synthetic', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_drill'), ['drill'], unique=False)
        batch_op.create_index('ix_incidents_drill_created', ['drill', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_status'), ['status'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('officers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.Column('rank', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('vehicles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('plate', sa.String(length=20), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('received_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('caller_name', sa.String(length=80), nullable=False),
    sa.Column('caller_phone', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('party_size', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('datum', sa.String(length=10), nullable=False),
    sa.Column('estimate', sa.JSON(), nullable=True),
    sa.Column('drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calls_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_received_at'), ['received_at'], unique=False)

    op.create_table('trips',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('created_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('departed_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('on_scene_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('evacuating_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('returned_at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('approach', sa.JSON(), nullable=True),
    sa.Column('checkin_interval_min', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('track', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trips_departed_at'), ['departed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_trips_incident_id'), ['incident_id'], unique=False)

    op.create_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('at', rescue_desk.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_trip_id'), ['trip_id'], unique=False)

    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('document_no', sa.String(length=40), nullable=False),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('condition', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('rescued', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_incident_id'), ['incident_id'], unique=False)

    op.create_table('trip_members',
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], ),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('trip_id', 'officer_id')
    )
    with op.batch_alter_table('trip_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trip_members_officer_id'), ['officer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('trip_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trip_members_officer_id'))

    op.drop_table('trip_members')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_incident_id'))

    op.drop_table('persons')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_trip_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trips_incident_id'))
        batch_op.drop_index(batch_op.f('ix_trips_departed_at'))

    op.drop_table('trips')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calls_received_at'))
        batch_op.drop_index(batch_op.f('ix_calls_incident_id'))

    op.drop_table('calls')
    op.drop_table('vehicles')
    op.drop_table('officers')
    op.drop_table('meta')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_status'))
        batch_op.drop_index('ix_incidents_drill_created')
        batch_op.drop_index(batch_op.f('ix_incidents_drill'))
        batch_op.drop_index(batch_op.f('ix_incidents_created_at'))

    op.drop_table('incidents')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_incident_id'))
        batch_op.drop_index(batch_op.f('ix_events_at'))

    op.drop_table('events')
