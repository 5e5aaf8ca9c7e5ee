"""Discipline."""
