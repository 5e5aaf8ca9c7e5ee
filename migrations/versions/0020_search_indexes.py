"""search indexes: trigram indexes (pg_trgm) on names, booking and case numbers; admissions by record

Revision ID: 0020_search_indexes
Revises: 0013_imports_lab
Create Date: 2026-12-03 11:00:00

"""

from alembic import op

revision = "0020_search_indexes"
down_revision = "0013_imports_lab"
branch_labels = None
depends_on = None

TRIGRAM = {
    "common_person_record": ("given_name", "middle_name", "surname"),
    "prison_admission": ("booking_number", "authority_reference"),
    "court_case": ("case_number", "police_case_number"),
}


def upgrade():
    op.create_index(
        "ix_prison_admission_person_record_id", "prison_admission", ["person_record_id"]
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite (a first run) searches names without them
    # pg_trgm is a trusted extension: the database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in TRIGRAM.items():
        for name in columns:
            op.create_index(
                f"ix_{table}_{name}_trgm",
                table,
                [name],
                postgresql_using="gin",
                postgresql_ops={name: "gin_trgm_ops"},
            )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in TRIGRAM.items():
            for name in columns:
                op.drop_index(f"ix_{table}_{name}_trgm", table_name=table)
    op.drop_index("ix_prison_admission_person_record_id", table_name="prison_admission")
