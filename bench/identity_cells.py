"""One-off check for issue 15 (numeric-table cells join figures[]): compare a folder of outputs
to a saved baseline (bench/identity.py save) and explain every difference as a cell added to
figures[] or a running-text figure replaced by its cell; anything else is counted unexplained.

    python3 bench/identity_cells.py BASELINE_DIR NEW_DIR
"""

import json
import sys
from pathlib import Path


def by_sha(folder):
    out = {}
    for p in Path(folder).glob("*.json"):
        try:
            d = json.loads(p.read_bytes())
            out[d["source"]["sha256"]] = d
        except Exception:
            pass
    return out


before, after = by_sha(sys.argv[1]), by_sha(sys.argv[2])
added = replaced = bad = identical = 0
for sha, old in before.items():
    new = after.get(sha)
    if new is None:
        print("missing", old["source"]["file"])
        bad += 1
        continue
    if old == new:
        identical += 1
    cells = {(c["page"], tuple(c["bbox"])): c for t in new["tables"] for r in t["rows"] for c in r["cells"] if c}
    rest = {k: v for k, v in new.items() if k != "figures"}
    if rest != {k: v for k, v in old.items() if k != "figures"}:
        print("non-figure difference", old["source"]["file"])
        bad += 1
    oldf = old["figures"]
    newf = new["figures"]
    seen = set()
    stripped = []
    for f in newf:
        key = (f["page"], tuple(f["bbox"]))
        assert key not in seen or key not in cells, ("cell twice", old["source"]["file"], f)
        seen.add(key)
        if key in cells:
            cell = cells[key]
            if {k: v for k, v in f.items() if k != "section"} != {k: v for k, v in cell.items() if k != "section"}:
                print("cell differs from its table", f, cell)
                bad += 1
            twin = [o for o in oldf if (o["page"], tuple(o["bbox"])) == key]
            if twin:
                replaced += 1
                stripped.append(twin[0])
            else:
                added += 1
            continue
        stripped.append(f)
    missing_cells = set(cells) - seen
    if missing_cells:
        print("cells missing from figures[]", old["source"]["file"], len(missing_cells))
    if stripped != oldf:
        print("figures differ apart from cells", old["source"]["file"])
        bad += 1
    pages = [f["page"] for f in newf]
    if pages != sorted(pages):
        print("not in page order", old["source"]["file"])
        bad += 1
print(
    f"{len(before)} outputs: {identical} byte-equal as JSON, {added} cells added, {replaced} running-text figures "
    f"replaced by their cell, {bad} unexplained differences"
)
