"""Prison IMS: printed documents (record sheet, roll, certificate, working, file summary)."""
