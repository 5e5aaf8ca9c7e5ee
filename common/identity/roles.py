"""The authorization table: which role holds which permission.

Every view names one permission (see `common.identity.access.requires`). Anything not
granted here is denied. Domain apps add their permissions to this table as they grow.
"""

AGENCIES = {
    "BCP": "Belize Central Prison",
    "NFSS": "National Forensic Science Service",
    "JUD": "Judiciary of Belize - Court Registry",
    "BCO": "Belize Crime Observatory",
    "MNS": "Ministry of Home Affairs and New Growth Industries",
}

PRISON_READ = {"portal.view", "prison.view", "persons.search"}
LIMS_READ = {"portal.view", "lims.view", "persons.search"}
COURT_READ = {"portal.view", "court.view", "persons.search"}

ROLE_PERMISSIONS = {
    "prison_officer": PRISON_READ
    | {
        "prison.admission.create",
        "prison.movement.record",
        "prison.status.change",
        "prison.housing.allocate",
        "prison.sentence.record",
        "prison.release.record",
        "prison.incident.record",
        "prison.complaint.record",
        "prison.visit.record",
        "prison.property.record",
        "prison.court_date.record",
        "prison.inbox.view",
        "prison.inbox.accept",
    },
    "prison_records_supervisor": PRISON_READ
    | {
        "prison.admission.create",
        "prison.movement.record",
        "prison.status.change",
        "prison.housing.allocate",
        "prison.housing.override",
        "prison.record.correct",
        "prison.release_date.confirm",
        "prison.sentence.record",
        "prison.release.record",
        "prison.dashboard.view",
        "prison.incident.record",
        "prison.discipline.award",
        "prison.complaint.record",
        "prison.visit.record",
        "prison.property.record",
        "prison.court_date.record",
        "prison.import.run",
        "persons.review",
        "prison.inbox.view",
        "prison.inbox.accept",
    },
    "lab_intake": LIMS_READ
    | {"lims.case.create", "lims.item.create", "lims.custody.transfer", "lims.request.create"},
    "lab_analyst": LIMS_READ | {"lims.custody.transfer", "lims.result.record"},
    "lab_reviewer": LIMS_READ
    | {"lims.custody.transfer", "lims.review.perform", "lims.report.release"},
    "lab_manager": LIMS_READ
    | {
        "lims.case.create",
        "lims.item.create",
        "lims.custody.transfer",
        "lims.request.create",
        "lims.request.assign",
        "lims.report.release",
        "lims.storage.manage",
        "lims.staff.manage",
        "lims.disposition.authorise",
        "lims.metrics.view",
        "persons.review",
        "lims.import.run",
    },
    "court_clerk": COURT_READ
    | {"court.case.create", "court.case.edit", "court.hearing.record", "court.order.record"},
    "court_registrar": COURT_READ
    | {
        "court.case.create",
        "court.case.edit",
        "court.hearing.record",
        "court.order.record",
        "court.metrics.view",
        "court.import.run",
        "persons.review",
    },
    "judicial_officer": COURT_READ | {"court.metrics.view"},
    "bco_analyst": {"portal.view"},
    "auditor": {"portal.view", "audit.view"},
    "admin": {"portal.view", "audit.view", "users.manage", "persons.search", "persons.review"},
}

ROLE_DESCRIPTIONS = {
    "prison_officer": "Prison officer: daily records at Belize Central Prison",
    "prison_records_supervisor": "Records supervisor: second checks and corrections",
    "lab_intake": "NFSS intake: receives cases and items",
    "lab_analyst": "NFSS analyst: performs analyses",
    "lab_reviewer": "NFSS reviewer: technical and administrative review",
    "lab_manager": "NFSS lab manager: disposition, metrics",
    "court_clerk": "Court clerk: filings, hearings, outcomes",
    "court_registrar": "Registrar: lists and statistics",
    "judicial_officer": "Judge or magistrate: reads cases, lists and statistics",
    "bco_analyst": "Crime Observatory analyst: export API only",
    "auditor": "Auditor: reads the audit trail",
    "admin": "Administrator: users and system settings (two-factor required)",
}

ROLE_AGENCY = {
    "prison_officer": "BCP",
    "prison_records_supervisor": "BCP",
    "lab_intake": "NFSS",
    "lab_analyst": "NFSS",
    "lab_reviewer": "NFSS",
    "lab_manager": "NFSS",
    "court_clerk": "JUD",
    "court_registrar": "JUD",
    "judicial_officer": "JUD",
    "bco_analyst": "BCO",
    "auditor": "MNS",
    "admin": "MNS",
}


def all_permissions():
    """Every permission any role holds."""
    return set().union(*ROLE_PERMISSIONS.values())


def role_allows(role, permission):
    """True when `role` holds `permission` in the table."""
    return permission in ROLE_PERMISSIONS.get(role, set())


# Cross-system flows (docs/flows.md): lab ↔ court links, remand delay, management.
ROLE_PERMISSIONS["lab_intake"] |= {"lims.court_link.create"}
ROLE_PERMISSIONS["lab_manager"] |= {"lims.court_link.create"}
ROLE_PERMISSIONS["court_clerk"] |= {"court.lab_link.create"}
ROLE_PERMISSIONS["court_registrar"] |= {"court.lab_link.create", "flows.delay.view"}
ROLE_PERMISSIONS["judicial_officer"] |= {"flows.delay.view"}
ROLE_PERMISSIONS["prison_records_supervisor"] |= {"flows.delay.view"}
ROLE_PERMISSIONS["management"] = {"portal.view", "management.dashboard.view", "flows.delay.view"}
ROLE_DESCRIPTIONS["management"] = "Ministry management: the cross-system dashboard (read only)"
ROLE_AGENCY["management"] = "MNS"
