"""court fixes: a production listing is withdrawn when its hearing is vacated

Revision ID: 0019_court_fixes
Revises: 0018_load_indexes
Create Date: 2026-12-03 07:15:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0019_court_fixes"
down_revision = "0018_load_indexes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("common_production_listing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("withdrawn_reason", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("common_production_listing", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_reason")
        batch_op.drop_column("withdrawn_at")
