"""vCard reading costs time and memory in proportion to the file, whatever is in it.

Bounds are generous for a shared 2-core machine; the quadratic code they replace took
4 s for the photo and 36.6 s for the quoted-printable note, and 351 MB for the
parameters.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

from givedesk.contacts_io.vcard import parse_vcards

MB = 1_000_000


def card(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", "FN:Ada Okafor", *lines, "END:VCARD", ""])


def folded_photo(size: int) -> str:
    """A photo folded the vCard 3.0 way: 75-octet lines, each continuation indented."""
    chunk = "QUFBQUFB" * 9 + "QUE"
    return card("PHOTO;ENCODING=b;TYPE=JPEG:" + "".join(f"\r\n {chunk}" for _ in range(size // 76)),
                "NOTE:after the photo")


def quoted_printable_note(size: int) -> str:
    """A 2.1 note of many soft line breaks (a trailing `=` joins the next line)."""
    return card("NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
                + "caf=C3=A9 au lait =\r\n" * (size // 20) + "end")


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_4mb_folded_photo_is_read_in_linear_time() -> None:
    text = folded_photo(4 * MB)
    assert seconds(lambda: parse_vcards(text)) < 2.0
    (ada,) = parse_vcards(text).contacts
    assert (ada.name, ada.notes) == ("Ada Okafor", "after the photo")


def test_a_photo_is_skipped_without_being_assembled() -> None:
    text = folded_photo(4 * MB)
    # Joining the photo's lines would hold at least its 4 MB at once.
    assert peak_bytes(lambda: parse_vcards(text)) < MB // 2


def test_1_2mb_of_quoted_printable_soft_breaks_is_read_in_linear_time() -> None:
    text = quoted_printable_note(1_200_000)
    assert seconds(lambda: parse_vcards(text)) < 2.0
    (ada,) = parse_vcards(text).contacts
    assert ada.notes.startswith("café au lait café au lait ")
    assert ada.notes.endswith(" end")


def test_200k_parameters_stay_bounded_in_memory() -> None:
    text = card("NOTE" + ";X-P=12" * 200_000 + ":still read")
    assert len(text) > 1_400_000
    # The line itself is 1.4 MB (read: about 4 MB); vobject's parser took 351 MB, and
    # keeping every parameter about 13 MB.
    assert peak_bytes(lambda: parse_vcards(text)) < 8 * MB
    (ada,) = parse_vcards(text).contacts
    assert ada.notes == "still read"
