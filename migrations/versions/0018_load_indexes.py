"""load-test indexes: custody changes, last movements, items at a storage location

Revision ID: 0018_load_indexes
Revises: 0016_case_links
Create Date: 2026-12-03 07:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0018_load_indexes"
down_revision = "0016_case_links"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_prison_movement_custody_change",
        "prison_movement",
        ["admission_id", "occurred_at", "custody_delta"],
        postgresql_where=sa.text("custody_delta <> 0"),
        sqlite_where=sa.text("custody_delta <> 0"),
    )
    op.create_index("ix_prison_movement_admission_last", "prison_movement", ["admission_id", "id"])
    op.create_index("ix_lims_item_location_id", "lims_item", ["location_id"])


def downgrade():
    op.drop_index("ix_lims_item_location_id", table_name="lims_item")
    op.drop_index("ix_prison_movement_admission_last", table_name="prison_movement")
    op.drop_index("ix_prison_movement_custody_change", table_name="prison_movement")
