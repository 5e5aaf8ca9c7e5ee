"""common counters: one gap-free numbering table for booking, case and lab numbers

Revision ID: 0005_counters
Revises: 0004_prison
Create Date: 2026-11-22 12:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0005_counters"
down_revision = "0004_prison"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "common_counter",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_common_counter")),
    )
    op.execute(
        "INSERT INTO common_counter (key, last_value) "
        "SELECT 'prison:booking:' || year, last_value FROM prison_booking_counter"
    )
    op.drop_table("prison_booking_counter")


def downgrade():
    op.create_table(
        "prison_booking_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_prison_booking_counter")),
    )
    op.execute(
        "INSERT INTO prison_booking_counter (year, last_value) "
        "SELECT CAST(substr(key, 16) AS INTEGER), last_value FROM common_counter "
        "WHERE key LIKE 'prison:booking:%'"
    )
    op.drop_table("common_counter")
