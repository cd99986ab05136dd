"""vCard reading: the quadratic unfolding it replaced against the linear one, same run.

The baseline is givedesk 1's vcard.py (`git show <rev>:givedesk/contacts_io/vcard.py`,
loaded as a module beside the current one). The inputs are smaller than in the tests so
the quadratic baseline finishes: a 1 MB folded PHOTO, 300 KB of quoted-printable soft
breaks, and a card with 50,000 parameters (peak memory, with tracemalloc). Each case runs
baseline and current alternately, RUNS times; min / median / max and the ratio of medians
are printed.

    python benchmarks/bench_vcard.py [REV]     (REV defaults to main)
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from givedesk.contacts_io import vcard

RUNS = 3


def baseline(rev: str) -> ModuleType:
    source = subprocess.run(["git", "show", f"{rev}:givedesk/contacts_io/vcard.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "vcard_baseline.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("vcard_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def card(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", "FN:Ada Okafor", *lines, "END:VCARD", ""])


CASES: dict[str, str] = {
    "1 MB folded PHOTO": card("PHOTO;ENCODING=b;TYPE=JPEG:"
                              + "".join(f"\r\n {'QUFB' * 18}QQ" for _ in range(1_000_000 // 76))),
    "300 KB quoted-printable": card("NOTE;ENCODING=QUOTED-PRINTABLE:"
                                    + "caf=C3=A9 au lait =\r\n" * 15_000 + "end"),
}
PARAMETERS = card("NOTE" + ";X-P=12" * 50_000 + ":still read")


def timed(parse: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    parse(text)
    return time.perf_counter() - start


def peak_mb(parse: Callable[[str], object], text: str) -> float:
    tracemalloc.start()
    try:
        parse(text)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def report(name: str, unit: str, old: list[float], new: list[float]) -> None:
    def spread(values: list[float]) -> str:
        return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f} {unit}"

    ratio = statistics.median(old) / statistics.median(new)
    print(f"{name}: baseline {spread(old)}; now {spread(new)}; ratio {ratio:.1f}x")


def main() -> None:
    old = baseline(sys.argv[1] if len(sys.argv) > 1 else "main")
    for name, text in CASES.items():
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(RUNS):
            times["old"].append(timed(old.parse_vcards, text))
            times["new"].append(timed(vcard.parse_vcards, text))
        report(name, "s", times["old"], times["new"])
    memory: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(RUNS):
        memory["old"].append(peak_mb(old.parse_vcards, PARAMETERS))
        memory["new"].append(peak_mb(vcard.parse_vcards, PARAMETERS))
    report("50,000 parameters, peak memory", "MB", memory["old"], memory["new"])


if __name__ == "__main__":
    main()
