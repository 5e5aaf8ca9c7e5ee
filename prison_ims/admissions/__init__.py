"""Prison IMS: admissions."""
