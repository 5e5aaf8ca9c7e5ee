"""custody inbox: court orders pending in the prison, production listings, case links

Revision ID: 0014_custody_inbox
Revises: 0011_imports
Create Date: 2026-12-03 06:25:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0014_custody_inbox"
down_revision = "0011_imports"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "common_inbox_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=16), nullable=False),
        sa.Column("receiver", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_reference", sa.String(length=40), nullable=False),
        sa.Column("source_type", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=False),
        sa.Column("next_court_date", sa.Date(), nullable=True),
        sa.Column("next_court", sa.String(length=160), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reject_reason", sa.String(length=500), nullable=False),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["common_user.id"],
            name=op.f("fk_common_inbox_item_decided_by_id_common_user"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["common_person.id"],
            name=op.f("fk_common_inbox_item_person_id_common_person"),
        ),
        sa.ForeignKeyConstraint(
            ["sent_by_id"],
            ["common_user.id"],
            name=op.f("fk_common_inbox_item_sent_by_id_common_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_inbox_item")),
    )
    with op.batch_alter_table("common_inbox_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_inbox_item_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_common_inbox_item_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_common_inbox_item_receiver"), ["receiver"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_common_inbox_item_state"), ["state"], unique=False)

    op.create_table(
        "common_production_listing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_reference", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("defendant_name", sa.String(length=200), nullable=False),
        sa.Column("court", sa.String(length=120), nullable=False),
        sa.Column("courtroom", sa.String(length=60), nullable=False),
        sa.Column("listed_on", sa.Date(), nullable=False),
        sa.Column("listed_at", sa.Time(), nullable=True),
        sa.Column("hearing_type", sa.String(length=60), nullable=False),
        sa.Column("attendance", sa.String(length=14), nullable=True),
        sa.Column("attendance_by_id", sa.Integer(), nullable=True),
        sa.Column("attendance_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("responsible_side", sa.String(length=12), nullable=True),
        sa.Column("adjournment_reason", sa.String(length=160), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attendance_by_id"],
            ["common_user.id"],
            name=op.f("fk_common_production_listing_attendance_by_id_common_user"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["common_person.id"],
            name=op.f("fk_common_production_listing_person_id_common_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_production_listing")),
        sa.UniqueConstraint(
            "hearing_id", "person_id", name=op.f("uq_common_production_listing_hearing_id")
        ),
    )
    with op.batch_alter_table("common_production_listing", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_common_production_listing_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_common_production_listing_hearing_id"), ["hearing_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_common_production_listing_listed_on"), ["listed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_common_production_listing_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "prison_court_case_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("admission_id", sa.Integer(), nullable=False),
        sa.Column("court_case_id", sa.Integer(), nullable=False),
        sa.Column("case_reference", sa.String(length=40), nullable=False),
        sa.Column("court", sa.String(length=120), nullable=False),
        sa.Column("inbox_item_id", sa.Integer(), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["admission_id"],
            ["prison_admission.id"],
            name=op.f("fk_prison_court_case_link_admission_id_prison_admission"),
        ),
        sa.ForeignKeyConstraint(
            ["inbox_item_id"],
            ["common_inbox_item.id"],
            name=op.f("fk_prison_court_case_link_inbox_item_id_common_inbox_item"),
        ),
        sa.ForeignKeyConstraint(
            ["linked_by_id"],
            ["common_user.id"],
            name=op.f("fk_prison_court_case_link_linked_by_id_common_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prison_court_case_link")),
        sa.UniqueConstraint(
            "admission_id", "court_case_id", name=op.f("uq_prison_court_case_link_admission_id")
        ),
    )
    with op.batch_alter_table("prison_court_case_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prison_court_case_link_admission_id"), ["admission_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_prison_court_case_link_court_case_id"), ["court_case_id"], unique=False
        )

    op.create_table(
        "prison_inbox_acceptance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbox_item_id", sa.Integer(), nullable=False),
        sa.Column("admission_id", sa.Integer(), nullable=False),
        sa.Column("new_admission", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=255), nullable=False),
        sa.Column("court_date_id", sa.Integer(), nullable=True),
        sa.Column("sentence_id", sa.Integer(), nullable=True),
        sa.Column("calculation_id", sa.Integer(), nullable=True),
        sa.Column("accepted_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"],
            ["common_user.id"],
            name=op.f("fk_prison_inbox_acceptance_accepted_by_id_common_user"),
        ),
        sa.ForeignKeyConstraint(
            ["admission_id"],
            ["prison_admission.id"],
            name=op.f("fk_prison_inbox_acceptance_admission_id_prison_admission"),
        ),
        sa.ForeignKeyConstraint(
            ["calculation_id"],
            ["prison_release_calculation.id"],
            name=op.f("fk_prison_inbox_acceptance_calculation_id_prison_release_calculation"),
        ),
        sa.ForeignKeyConstraint(
            ["court_date_id"],
            ["prison_court_date.id"],
            name=op.f("fk_prison_inbox_acceptance_court_date_id_prison_court_date"),
        ),
        sa.ForeignKeyConstraint(
            ["inbox_item_id"],
            ["common_inbox_item.id"],
            name=op.f("fk_prison_inbox_acceptance_inbox_item_id_common_inbox_item"),
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id"],
            ["prison_sentence.id"],
            name=op.f("fk_prison_inbox_acceptance_sentence_id_prison_sentence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prison_inbox_acceptance")),
        sa.UniqueConstraint("inbox_item_id", name=op.f("uq_prison_inbox_acceptance_inbox_item_id")),
    )
    with op.batch_alter_table("prison_inbox_acceptance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prison_inbox_acceptance_admission_id"), ["admission_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("prison_inbox_acceptance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prison_inbox_acceptance_admission_id"))

    op.drop_table("prison_inbox_acceptance")
    with op.batch_alter_table("prison_court_case_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prison_court_case_link_court_case_id"))
        batch_op.drop_index(batch_op.f("ix_prison_court_case_link_admission_id"))

    op.drop_table("prison_court_case_link")
    with op.batch_alter_table("common_production_listing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_production_listing_person_id"))
        batch_op.drop_index(batch_op.f("ix_common_production_listing_listed_on"))
        batch_op.drop_index(batch_op.f("ix_common_production_listing_hearing_id"))
        batch_op.drop_index(batch_op.f("ix_common_production_listing_case_id"))

    op.drop_table("common_production_listing")
    with op.batch_alter_table("common_inbox_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_inbox_item_state"))
        batch_op.drop_index(batch_op.f("ix_common_inbox_item_receiver"))
        batch_op.drop_index(batch_op.f("ix_common_inbox_item_person_id"))
        batch_op.drop_index(batch_op.f("ix_common_inbox_item_case_id"))

    op.drop_table("common_inbox_item")
