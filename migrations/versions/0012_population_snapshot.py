"""prison: daily population snapshots by legal status, sex, age band and housing unit

Revision ID: 0012_population_snapshot
Revises: 0014_custody_inbox
Create Date: 2026-12-03 06:45:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_population_snapshot"
down_revision = "0014_custody_inbox"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "prison_population_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_date", sa.Date(), nullable=False),
        sa.Column("legal_status", sa.String(length=24), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("snapshot_date", "legal_status", "sex", "age_band", "unit_code"),
    )
    op.create_index(
        "ix_prison_population_snapshot_snapshot_date",
        "prison_population_snapshot",
        ["snapshot_date"],
    )


def downgrade():
    op.drop_index(
        "ix_prison_population_snapshot_snapshot_date", table_name="prison_population_snapshot"
    )
    op.drop_table("prison_population_snapshot")
