"""Access to the sample generator in samples/ (content, renderer, variants) for tests."""
from __future__ import annotations

import sys

from tests.conftest import SAMPLES

if str(SAMPLES) not in sys.path:
    sys.path.insert(0, str(SAMPLES))

import content  # noqa: E402
import generate  # noqa: E402
import render  # noqa: E402,F401  (re-exported: tests render variants through this module)

PACK = content.PACK
Fault = content.Fault
apply_faults = content.apply_faults
VARIANTS = {v.name: v for v in generate.VARIANTS}


def content_for(pdf_name: str):
    """The content a sample PDF was rendered from: the pack, with the variant's faults."""
    variant = VARIANTS.get(pdf_name)
    return apply_faults(PACK, variant.faults) if variant else PACK
