"""The probe batches (fixtures/probes/, written by people who had not seen the code) as regression floors, with
the deterministic checks: planted conflicts found never fewer, traps flagged never more (benchmarks/bench_probes.py
reports them with the NLI model too). Floors, not targets: the target is 80 percent found, at most 2 traps."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_probes  # noqa: E402

# found at least, traps flagged at most (analysis version 16). d's flagged trap is two councillors on opposite
# sides of one scheme, which the position verifier reports by design; f's is a marked update ("70 engineers
# at first, raised to 120 by midnight") told in two sentences. g to l were written in the session of versions
# 12 and 13 (g to j studied then, k and l in the session of version 14); m to o were written in the session of
# version 14 and only measured, and studied in the session of version 15 (m's flagged traps read then too);
# p to u were written in the session of version 15: p to r measured on arrival
# and studied late in it, s to u only measured (s's and u's flagged traps read); v to x were written in the
# session of version 16 and measured on arrival and after it (their date conflicts were read then); y and z at
# its end, measured with the session-start code and the end's (13 and 9 both), never studied.
FLOORS = {
    "a": (19, 0),
    "b": (14, 0),
    "c": (11, 0),
    "d": (9, 1),
    "e": (10, 0),
    "f": (8, 1),
    "g": (14, 1),
    "h": (17, 1),
    "i": (15, 1),
    "j": (13, 1),
    "k": (10, 2),
    "l": (16, 0),
    "m": (13, 2),
    "n": (12, 0),
    "o": (14, 0),
    "p": (12, 1),
    "q": (5, 1),
    "r": (8, 0),
    "s": (10, 0),
    "t": (7, 0),
    "u": (4, 1),
    "v": (8, 0),
    "w": (7, 0),
    "x": (9, 0),
    "y": (13, 1),
    "z": (9, 1),
}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_probe_batch_floors(batch):
    result = bench_probes.score(
        ROOT / "fixtures" / "probes" / batch, use_nli=False, model=None
    )
    least, most = FLOORS[batch]
    assert result["found"] >= least, "\n".join(result["missed"])
    assert result["traps_flagged"] <= most, "\n".join(result["flagged"])


def test_every_key_sentence_is_in_its_article():
    for batch in FLOORS:
        folder = ROOT / "fixtures" / "probes" / batch
        key = bench_probes.json.loads((folder / "key.json").read_text(encoding="utf-8"))
        for entry in key["conflicts"] + key["traps"]:
            for part in (entry["a"], entry["b"]):
                text = (folder / "articles" / part["file"]).read_text(encoding="utf-8")
                assert part["text"] in text, (batch, part)
