"""Consistency checks (placeholder until the checks land)."""
from __future__ import annotations


def run_checks(extraction):
    return []
