"""Prison IMS: sentences on an admission, remand credit and confirmed release dates."""
