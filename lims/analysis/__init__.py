"""Forensic LIMS: analysis."""
