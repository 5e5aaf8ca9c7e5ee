"""case links: lab case ↔ court case links, adjournments awaiting a lab request

Revision ID: 0016_case_links
Revises: 0012_population_snapshot
Create Date: 2026-12-03 06:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0016_case_links"
down_revision = "0012_population_snapshot"
branch_labels = None
depends_on = None


def timestamps():
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade():
    op.create_table(
        "common_case_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lab_case_id", sa.Integer(), nullable=False),
        sa.Column("court_case_id", sa.Integer(), nullable=False),
        sa.Column("linked_from", sa.String(length=8), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        *timestamps(),
        sa.ForeignKeyConstraint(["created_by_id"], ["common_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lab_case_id", "court_case_id"),
    )
    op.create_index("ix_common_case_link_lab_case_id", "common_case_link", ["lab_case_id"])
    op.create_index("ix_common_case_link_court_case_id", "common_case_link", ["court_case_id"])
    op.create_table(
        "common_lab_wait",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("court_case_id", sa.Integer(), nullable=False),
        sa.Column("lab_request_id", sa.Integer(), nullable=False),
        sa.Column("adjourned_on", sa.Date(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        *timestamps(),
        sa.ForeignKeyConstraint(["created_by_id"], ["common_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hearing_id"),
    )
    op.create_index("ix_common_lab_wait_court_case_id", "common_lab_wait", ["court_case_id"])
    op.create_index("ix_common_lab_wait_lab_request_id", "common_lab_wait", ["lab_request_id"])


def downgrade():
    op.drop_index("ix_common_lab_wait_lab_request_id", table_name="common_lab_wait")
    op.drop_index("ix_common_lab_wait_court_case_id", table_name="common_lab_wait")
    op.drop_table("common_lab_wait")
    op.drop_index("ix_common_case_link_court_case_id", table_name="common_case_link")
    op.drop_index("ix_common_case_link_lab_case_id", table_name="common_case_link")
    op.drop_table("common_case_link")
