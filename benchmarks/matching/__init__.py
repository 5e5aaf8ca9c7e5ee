"""Benchmarks of the person matching engine."""
