"""Prison IMS: housing."""
