"""How right and how fast suggested introductions are. Run: python benchmarks/bench_intros.py

Prints:
1. precision@5, recall and traps on the labelled introductions (tests/intros/data: the
   dev split tuned on, the held-out split only scored), for the suggester before
   issue 10 (benchmarks/intros_baseline.py: shared words) and for givedesk's;
2. the time to the top 20 introductions on a generated desk of 3,000 contacts
   (`generate_desk`, seed fixed), end to end through the store: the old suggester
   (build and sort every pair, keep 20) and givedesk's (`suggest_intros`, indexed,
   bounded heap), run alternately, min/median/max of `RUNS` runs, and the ratio;
3. at each size (`--sizes`, generated desks written through the store: the trades of
   `generate_desk` and the topics of `desk_gen`, plus the bundled demo): Today's intro
   call (`suggest_intros(limit=TODAY_INTROS)`, from a fresh store) and `givedesk intros
   --json` end to end, each in its own process so that its peak memory (VmHWM) is its
   own. With `--baseline DIR` (another checkout of givedesk, e.g. `git archive main |
   tar -x -C DIR`) the same processes run on that code too, alternating with this
   checkout's, so a change is measured against what it replaces in one run.

    python benchmarks/bench_intros.py [--contacts 3000] [--runs 3] [--quality-only]
        [--sizes 1000,3000,10000] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import desk_gen, intros_baseline  # noqa: E402
from givedesk.config import Config  # noqa: E402
from givedesk.demo import demo_home  # noqa: E402
from givedesk.desk import TODAY_INTROS  # noqa: E402
from givedesk.intros import rank_pairs, suggest_intros  # noqa: E402
from givedesk.models import Contact  # noqa: E402
from givedesk.paths import Paths  # noqa: E402
from givedesk.store import Store  # noqa: E402
from tests.intros.evaluation import SPLITS, evaluate, load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
TOP = 20
SEED = 13

# What a LinkedIn-sized desk looks like: everyone has a role, a company and a field;
# a third typed needs and offers by hand; half have interests.
TRADES = [
    # field, roles, company words, offers, needs
    ("law", ["Managing partner", "Associate lawyer", "Solicitor", "Patent attorney"],
     ["Law", "Legal", "LLP", "Solicitors"],
     ["contract reviews", "employment law advice", "free legal clinics"],
     ["a bookkeeper", "IT support", "law graduates", "small business clients"]),
    ("finance", ["Loan officer", "Bookkeeper", "Chartered accountant", "Financial adviser"],
     ["Credit Union", "Accountancy", "Bookkeeping", "Wealth"],
     ["small business loans", "monthly bookkeeping", "tax returns for sole traders"],
     ["referrals of growing businesses", "small business clients", "a marketing agency"]),
    ("health care", ["Nurse manager", "Physician", "Dentist and owner", "Clinic director"],
     ["Hospital", "Clinic", "Dental", "Medical"],
     ["health talks for schools", "flu clinics for employers", "physician volunteers"],
     ["a practice manager", "a data analyst", "volunteer drivers", "an architect for a new wing"]),
    ("software", ["Software engineer", "Founder", "CTO", "Frontend developer"],
     ["Labs", "Software", "Apps", "Digital"],
     ["code reviews", "coding workshops for kids", "web development"],
     ["law-firm clients", "a UX designer", "student interns", "beta testers"]),
    ("education", ["Director of career services", "Headteacher", "Dean", "Head of apprenticeships"],
     ["University", "College", "School", "Academy"],
     ["student interns", "classroom space for workshops", "apprentices in plumbing"],
     ["employers for the career fair", "guest speakers", "sponsors for a new playground"]),
    ("food", ["Chef and owner", "Owner", "Baker", "Farmer"],
     ["Bakery", "Kitchen", "Farm", "Trattoria"],
     ["catering for office events", "day-old bread for food banks", "surplus vegetables"],
     ["a commercial kitchen lease", "line cooks", "a refrigerated delivery van", "a bookkeeper"]),
    ("music", ["Booking agent", "Live sound engineer", "Singer-songwriter", "Venue manager"],
     ["Records", "Audio", "Music", "Talent Agency"],
     ["live music bookings", "mixing and mastering", "acoustic sets for events"],
     ["touring musicians", "venues for a summer tour", "a music video director"]),
    ("tourism", ["Tour operator", "Owner", "Hotel general manager", "Travel agent"],
     ["Tours", "Travel", "Hotel", "Boat Tours"],
     ["boat tours", "city walking tours", "meeting rooms for local groups"],
     ["hotel partners", "tour operators", "a marketing agency", "seasonal deckhands"]),
    ("construction", ["Project manager", "Structural engineer", "Master plumber", "Architect"],
     ["Construction", "Engineering", "Plumbing", "Architects"],
     ["structural assessments", "site visits for students", "emergency plumbing callouts"],
     ["a structural engineer", "apprentice carpenters", "an apprentice plumber", "a bookkeeper"]),
    ("marketing", ["Creative director", "Brand strategist", "Photographer", "Copywriter"],
     ["Marketing", "Creative", "Photography", "Studio"],
     ["brand strategy workshops", "headshots", "event photography"],
     ["small business clients", "corporate clients", "software startups as clients"]),
    ("nonprofit", ["Executive director", "Volunteer coordinator", "Grant writer"],
     ["Food Bank", "Foundation", "Community Trust", "Charity"],
     ["volunteer days for companies", "grant proposal reviews"],
     ["corporate volunteer teams", "donated produce", "a grant writer", "nonprofit clients"]),
    ("logistics", ["Fleet manager", "Operations manager", "Van hire owner"],
     ["Logistics", "Haulage", "Van Hire", "Freight"],
     ["refrigerated van hire", "warehouse space to let", "spare delivery trucks"],
     ["HGV drivers", "small business customers", "warehouse space"]),
]
INTERESTS = ["sailing", "running", "jazz", "cycling", "chess", "timber construction",
             "food waste", "data visualization", "local history", "bike lanes", "composting",
             "urban design", "podcasting", "board games", "open source", "theatre"]
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kofi",
         "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera"]
LAST = ["Adler", "Brooks", "Castillo", "Diaz", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quint"]
INVENTED = ["brightline", "tidewater", "northgate", "saltmarsh", "kestrel", "meridian",
            "lakeside", "riverside"]


def generate_desk(size: int, seed: int = SEED) -> list[Contact]:
    """`size` contacts from a dozen trades, deterministic for a seed."""
    rng = random.Random(seed)
    people = []
    for number in range(size):
        field, roles, company_words, offers, needs = rng.choice(TRADES)
        typed = rng.random() < 1 / 3
        company = f"{rng.choice(INVENTED).title()}{number % 97} {rng.choice(company_words)}"
        people.append(Contact(
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}",
            role=rng.choice(roles), company=company, tags=[field],
            needs=rng.sample(needs, rng.randint(1, 2)) if typed else [],
            offers=rng.sample(offers, rng.randint(1, 2)) if typed else [],
            interests=rng.sample(INTERESTS, rng.randint(1, 3)) if rng.random() < 0.5 else [],
        ))
    return people


def quality() -> None:
    print("Quality on the labelled introductions (tests/intros/data)")
    rankers: dict[str, Callable[[list[Contact]], Sequence[object]]] = {
        "before (shared words)": lambda people: intros_baseline.rank_pairs(people, Config()),
        "givedesk": lambda people: rank_pairs(people, Config()),
    }
    for split in SPLITS:
        desk = load(split)
        for label, ranker in rankers.items():
            found = evaluate(ranker, desk)  # type: ignore[arg-type]
            print(f"  {split:8} {label:22} {found.line()}")


def speed(size: int, runs: int) -> None:
    people = generate_desk(size)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Paths.for_home(Path(folder)))
        store.contacts.insert_many(people)
        config = Config()

        def before() -> int:
            contacts = store.contacts.all()
            return len(intros_baseline.rank_pairs(contacts, config)[:TOP])

        def after() -> int:
            return len(suggest_intros(store, config, NOW, limit=TOP))

        times: dict[str, list[float]] = {"before": [], "givedesk": []}
        for _ in range(runs):
            for label, run in (("before", before), ("givedesk", after)):
                start = time.perf_counter()
                kept = run()
                times[label].append(time.perf_counter() - start)
        with_needs = sum(bool(p.needs) for p in people)
        print(f"\nTop {TOP} introductions, {size:,} contacts ({with_needs:,} with needs), "
              f"end to end through the store, {runs} runs alternating ({kept} kept):")
        for label, values in times.items():
            print(f"  {label:9} min {min(values):6.2f} s  median {statistics.median(values):6.2f} s"
                  f"  max {max(values):6.2f} s")
        ratio = statistics.median(times["before"]) / statistics.median(times["givedesk"])
        print(f"  givedesk is {ratio:.1f}x faster (median); goal: < 1 s "
              f"({'met' if max(times['givedesk']) < 1 else 'MISSED'}, worst run)")


# Both children run with the checkout under test as the working directory, which comes
# first on sys.path: the same child measures this checkout's code or a baseline's. Peak
# memory is the process's VmHWM (Linux): `ru_maxrss` would carry over the parent's
# resident size from before the exec.
_PEAK = """
def peak_mb():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
"""
_TODAY_CHILD = _PEAK + """
import json, sys, time
from datetime import datetime
from pathlib import Path
from givedesk.config import load_config
from givedesk.intros import suggest_intros
from givedesk.paths import Paths
from givedesk.store import Store
home, limit, now = Path(sys.argv[1]), int(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
paths = Paths.for_home(home)
config = load_config(paths.config_file)
start = time.perf_counter()
found = suggest_intros(Store(paths), config, now, limit=limit)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "count": len(found)}))
"""
_LISTING_CHILD = _PEAK + """
import sys
from givedesk.cli import main
try:
    main(sys.argv[1:])
finally:
    print(peak_mb(), file=sys.stderr)
"""


def _run(tree: Path, code: str, *args: str) -> tuple[str, str]:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=tree, check=True,
                          capture_output=True, text=True)
    return done.stdout, done.stderr


def _today(tree: Path, home: Path) -> dict[str, float]:
    """Today's intro call in a fresh process: the call's time (store read included) and
    the process's peak memory."""
    out, _ = _run(tree, _TODAY_CHILD, str(home), str(TODAY_INTROS), NOW.isoformat())
    found: dict[str, float] = json.loads(out)
    return found


def _listing(tree: Path, home: Path) -> dict[str, float]:
    """`givedesk intros --json` as a user runs it: the whole process's time and peak."""
    start = time.perf_counter()
    out, err = _run(tree, _LISTING_CHILD, "intros", "--json", "--home", str(home))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": float(err.split()[-1]), "count": len(json.loads(out))}


@contextmanager
def _desks(sizes: list[int]) -> Iterator[list[tuple[str, Path]]]:
    """The bundled demo and, at each size, two generated desks written through the store:
    people of a dozen trades (`generate_desk`: roles, companies, needs and offers), and
    the people of the desk issue 13 was measured on (`desk_gen`: 3-6 made-up topics each
    as interests and needs, nothing that meets them, each topic shared by dozens)."""
    with demo_home(NOW) as demo, tempfile.TemporaryDirectory() as folder:
        desks = [("demo", demo)]
        for size in sizes:
            trades, topics = Path(folder) / f"trades{size}", Path(folder) / f"topics{size}"
            Store(Paths.for_home(trades)).contacts.insert_many(generate_desk(size))
            desk_gen.build(topics, size, 0)
            desks += [(f"{size:,} trades", trades), (f"{size:,} topics", topics)]
        yield desks


def _spread(values: list[float], unit: str, digits: int) -> str:
    return (f"min {min(values):.{digits}f} / median {statistics.median(values):.{digits}f} / "
            f"max {max(values):.{digits}f} {unit}")


def scale(sizes: list[int], runs: int, baseline: Path | None) -> None:
    trees = {"givedesk": ROOT} if baseline is None else {"baseline": baseline, "givedesk": ROOT}
    calls = {f"Today (limit={TODAY_INTROS})": _today, "intros --json": _listing}
    print(f"\nAt size: each call in its own process, {runs} runs"
          f"{', alternating with ' + str(baseline) if baseline else ''}; memory is the "
          "process's peak resident size")
    with _desks(sizes) as desks:
        for desk_name, home in desks:
            for call_name, call in calls.items():
                results: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
                for _ in range(runs):
                    for label, tree in trees.items():
                        results[label].append(call(tree, home))
                for label, found in results.items():
                    seconds = [r["seconds"] for r in found]
                    peaks = [r["peak_mb"] for r in found]
                    print(f"  {desk_name:16} {call_name:16} {label:9} "
                          f"{_spread(seconds, 's', 2)}  peak {_spread(peaks, 'MB', 0)}  "
                          f"({found[0]['count']:.0f} shown)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--sizes", default="1000,3000,10000",
                        help="contacts in each generated desk measured at size")
    parser.add_argument("--baseline", type=Path,
                        help="another checkout of givedesk to run alternately at size")
    options = parser.parse_args()
    quality()
    if not options.quality_only:
        speed(options.contacts, options.runs)
        scale([int(size) for size in options.sizes.split(",")], options.runs, options.baseline)


if __name__ == "__main__":
    main()
