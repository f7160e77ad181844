"""Are the outputs byte-identical to a saved set? For restructurings and speed work.

    python3 bench/identity.py save  BASELINE_DIR   # extract every sample, variant and Kent paper
    python3 bench/identity.py check BASELINE_DIR   # extract again and compare, byte for byte
    python3 bench/identity.py check BASELINE_DIR --ignore relations   # ... leaving out a new top-level key

Samples and variants come from `samples/`; Kent's papers from ../shared/real/kent (or
$AGENDA_EXTRACT_SHARED/real/kent) when present. Outputs are matched by the source's
sha256, so output file names may change; the bytes of each JSON may not. Prints one line
per difference and a count; exits 1 when anything differs or is missing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples" / "variants").glob("*.pdf"))
    shared = Path(os.environ.get("AGENDA_EXTRACT_SHARED", ROOT.parent / "shared"))
    kent = shared / "real" / "kent"
    if kent.is_dir():
        files += sorted(kent.rglob("*.pdf"))
    else:
        print(f"note: {kent} is absent; comparing samples only", file=sys.stderr)
    return files


def extract_all(out: Path) -> None:
    """One batch run over every file: each output lands in `out` under its own name."""
    with tempfile.TemporaryDirectory() as listing:
        inputs = [str(p) for p in corpus()]
        subprocess.run([sys.executable, "-m", "extract", "batch", *inputs, "--out", str(out), "--jobs", "2", "--quiet"],
                       check=False, cwd=ROOT, stdout=subprocess.DEVNULL)
        del listing


def by_source(folder: Path, ignore: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Each output by its source's sha256; keys in `ignore` are left out, the rest re-serialised
    exactly as output.dumps writes them (so an output without them compares byte for byte)."""
    outputs: dict[str, bytes] = {}
    for path in folder.glob("*.json"):
        raw = path.read_bytes()
        try:
            document = json.loads(raw)
            sha = document["source"]["sha256"]
        except (ValueError, KeyError, TypeError):
            continue
        if ignore:
            for key in ignore:
                document.pop(key, None)
            raw = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        outputs[sha] = raw
    return outputs


def main(argv: list[str]) -> int:
    ignore: tuple[str, ...] = ()
    if len(argv) == 4 and argv[2] == "--ignore":
        ignore, argv = tuple(argv[3].split(",")), argv[:2]
    if len(argv) != 2 or argv[0] not in {"save", "check"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, folder = argv[0], Path(argv[1])
    if command == "save":
        folder.mkdir(parents=True, exist_ok=True)
        extract_all(folder)
        print(f"saved {len(by_source(folder))} outputs in {folder}")
        return 0
    with tempfile.TemporaryDirectory() as fresh:
        extract_all(Path(fresh))
        before, after = by_source(folder, ignore), by_source(Path(fresh), ignore)
    differ = [sha for sha in before if sha in after and before[sha] != after[sha]]
    missing = [sha for sha in before if sha not in after]
    for sha in differ:
        print(f"differs: {json.loads(before[sha])['source']['file']}")
    for sha in missing:
        print(f"missing: {json.loads(before[sha])['source']['file']}")
    print(f"{len(before) - len(differ) - len(missing)} identical, {len(differ)} differ, {len(missing)} missing "
          f"(of {len(before)} saved outputs)")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
