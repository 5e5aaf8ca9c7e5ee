"""Demo accounts: one per role, for demonstrations only (refused in production)."""

DEMO_PASSWORD = "Belize-Demo-2026"  # noqa: S105 - documented demo credential

DEMO_USERS = [
    ("officer@demo.justice.bz", "Marlon Usher", "prison_officer"),
    ("supervisor@demo.justice.bz", "Carla Gillett", "prison_records_supervisor"),
    ("intake@demo.justice.bz", "Rosa Chi", "lab_intake"),
    ("analyst@demo.justice.bz", "Devon Flowers", "lab_analyst"),
    ("analyst2@demo.justice.bz", "Anna Penner", "lab_analyst"),
    ("reviewer@demo.justice.bz", "Luis Coc", "lab_reviewer"),
    ("reviewer2@demo.justice.bz", "Sharon Arzu", "lab_reviewer"),
    ("labmanager@demo.justice.bz", "Ian Tillett", "lab_manager"),
    ("clerk@demo.justice.bz", "Maria Cal", "court_clerk"),
    ("registrar@demo.justice.bz", "Gareth Young", "court_registrar"),
    ("judge@demo.justice.bz", "Justice Marguerite Arnold", "judicial_officer"),
    ("bco@demo.justice.bz", "Elena Mai", "bco_analyst"),
    ("auditor@demo.justice.bz", "Norman Sabal", "auditor"),
    ("admin@demo.justice.bz", "Kim Castillo", "admin"),
    ("management@demo.justice.bz", "Dorian Vernon", "management"),
]
