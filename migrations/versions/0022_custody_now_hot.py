"""custody now, updated in place: no index on the state, room on each page

Revision ID: 0022_custody_now_hot
Revises: 0021_custody_now
Create Date: 2026-12-03 15:40:00

Every movement rewrites its admission's row of prison_custody_now. With the state indexed,
each rewrite was a new row version plus new index entries, and the table and index grew with
every movement (8.7 MB for 14,000 rows at demo scale 10). Without that index, and with half
of each page kept free, PostgreSQL updates the rows in place (HOT updates). Custody now is
one scan of a small table; the state index bought nothing.
"""

from alembic import op

revision = "0022_custody_now_hot"
down_revision = "0021_custody_now"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_prison_custody_now_state", table_name="prison_custody_now")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE prison_custody_now SET (fillfactor = 50)")
        op.execute("CLUSTER prison_custody_now USING pk_prison_custody_now")  # compact it now


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE prison_custody_now RESET (fillfactor)")
    op.create_index("ix_prison_custody_now_state", "prison_custody_now", ["state"])
