"""The reference lists a new installation starts with (loaded by the court migration)."""

COURTS = [
    # code, name, level, district
    ("SC", "Supreme Court (Belize City)", "SC", "BZ"),
    ("SCN", "Supreme Court Northern Session (Orange Walk)", "SC", "OW"),
    ("SCS", "Supreme Court Southern Session (Dangriga)", "SC", "SC"),
    ("MCBZ", "Belize City Magistrate's Court", "MC", "BZ"),
    ("MCCY", "San Ignacio Magistrate's Court", "MC", "CY"),
    ("MCCZ", "Corozal Magistrate's Court", "MC", "CZL"),
    ("MCOW", "Orange Walk Magistrate's Court", "MC", "OW"),
    ("MCSC", "Dangriga Magistrate's Court", "MC", "SC"),
    ("MCTO", "Punta Gorda Magistrate's Court", "MC", "TOL"),
]

COURTROOMS = {
    "SC": ["Court 1", "Court 2", "Court 3", "Court 4"],
    "SCN": ["Court 1"],
    "SCS": ["Court 1"],
    "MCBZ": ["Court 1", "Court 2", "Court 3"],
    "MCCY": ["Court 1"],
    "MCCZ": ["Court 1"],
    "MCOW": ["Court 1"],
    "MCSC": ["Court 1"],
    "MCTO": ["Court 1"],
}

ADJOURNMENT_REASONS = [
    # code, label, side usually responsible
    ("PROS_NOT_READY", "Prosecution not ready", "PROSECUTION"),
    ("AWAIT_FORENSIC", "Awaiting forensic report", "LAB"),
    ("AWAIT_DISCLOSURE", "Disclosure not served", "PROSECUTION"),
    ("DEF_COUNSEL_ABSENT", "Defence counsel absent", "DEFENCE"),
    ("DEF_NEW_COUNSEL", "Accused seeking or changing counsel", "DEFENCE"),
    ("WITNESS_ABSENT", "Witness absent", "PROSECUTION"),
    ("ACCUSED_ABSENT", "Accused on bail absent", "DEFENCE"),
    ("NOT_PRODUCED", "Accused not produced from prison", "PRISON"),
    ("COURT_TIME", "Court time unavailable", "COURT"),
    ("JUDGE_UNAVAILABLE", "Judicial officer unavailable", "COURT"),
    ("JURY_UNAVAILABLE", "Jury panel not available", "COURT"),
    ("INTERPRETER", "Interpreter not available", "COURT"),
    ("PLEA_NEGOTIATION", "Plea discussions", "OTHER"),
    ("OTHER", "Other (explained in the note)", "OTHER"),
]
