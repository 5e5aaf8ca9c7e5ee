"""Forensic LIMS: reports."""
