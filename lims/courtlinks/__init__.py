"""Forensic LIMS: the court cases a lab case concerns."""
