"""Findings that rest on figures read by OCR from a scanned page.

A misread digit looks exactly like an arithmetic error, so a finding whose evidence holds
an OCR figure says so in its message, and the reader checks the page before believing it.
A figure the OCR engine was unsure of (confidence below LOW_CONFIDENCE, or unknown) is kept
and still checked, but a finding resting on it is reported as information, never as a
warning or an error: a false alarm is worse than silence.
"""
from __future__ import annotations

from collections.abc import Sequence

from extract.models import Figure, Finding

# Tesseract's word confidence runs 0-100; clean print scanned at 200-300 dpi reads at
# 85-96, and digits it guessed at come out below 80 (bench/bench_ocr.py samples).
LOW_CONFIDENCE = 80.0


def weigh_ocr_evidence(findings: Sequence[Finding]) -> list[Finding]:
    return [_weighed(finding) for finding in findings]


def is_unsure(figure: Figure) -> bool:
    return figure.source == "ocr" and (figure.confidence is None or figure.confidence < LOW_CONFIDENCE)


def _weighed(finding: Finding) -> Finding:
    read = _unique([f for f in finding.evidence if f.source == "ocr"])
    if not read:
        return finding
    cited = ", ".join(f"{f.text} on page {f.page}" for f in read)
    message = (f"{finding.message} Read by OCR from a scanned page ({cited}): a misread digit looks like "
               f"an arithmetic error, so check the page.")
    unsure = [f for f in read if is_unsure(f)]
    severity = finding.severity
    if unsure and severity != "info":
        doubted = ", ".join(f.text for f in unsure)
        message += (f" OCR confidence below {LOW_CONFIDENCE:g} for {doubted}: reported as information, "
                    f"not as {'an' if severity == 'error' else 'a'} {severity}.")
        severity = "info"
    return finding.model_copy(update={"message": message, "severity": severity})


def _unique(figures: list[Figure]) -> list[Figure]:
    seen, kept = set(), []
    for figure in figures:
        key = (figure.page, figure.bbox)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept
