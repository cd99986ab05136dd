"""Introductions and leads on a big desk: 2,000 contacts, 200 with needs and offers.

Every contact has a role and a company (as after a LinkedIn import); 200 have needs
and offers typed by hand, and a third have interests. Prints the time to rank every
suggested introduction and to match one lead against the whole desk, with the
vocabulary of a real desk (1,500 distinct words) and of a crowded one (60 words,
where almost everyone matches almost everyone).

    python benchmarks/bench_giving.py
"""

from __future__ import annotations

import random
import string
import time

from givedesk.config import Config
from givedesk.intros import rank_pairs
from givedesk.leads import LeadHistory, match_lead
from givedesk.models import Contact, Lead

CONTACTS = 2_000
WITH_NEEDS = 200
COMMON_WORDS = (
    "design review architect hospital clinic bookkeeping coffee roaster software rust sailing "
    "running podcast finance lending truck delivery logistics warehouse volunteer grant van "
    "refrigerated school teacher marketing sales engineer structural timber energy solar battery "
    "garden compost bike lane transit housing permit lawyer contract tax payroll recruiting hiring "
    "nurse data analytics cloud security network printer bakery restaurant wine catering event "
    "venue studio audio"
)
COMMON = COMMON_WORDS.split()
ROLES = ("Partner", "Founder", "Engineer", "Director of sales", "Operations manager", "Teacher",
         "Nurse", "Chef", "Lawyer", "Accountant")
LEAD = Lead(text="A hospital is looking for a structural engineer and architect for a timber clinic")


def desk(words: list[str], rng: random.Random) -> list[Contact]:
    def phrase(size: int) -> str:
        return " ".join(rng.sample(words, size))

    people = []
    for number in range(CONTACTS):
        typed = number < WITH_NEEDS
        people.append(Contact(
            name=f"Person {number}", role=rng.choice(ROLES),
            company=f"{rng.choice(words).title()} {rng.choice(['Labs', 'Partners', 'Group'])}",
            tags=[rng.choice(["tech", "health", "food", "finance", "civic"])],
            needs=[phrase(3), phrase(3)] if typed else [],
            offers=[phrase(3), phrase(3)] if typed else [],
            interests=[phrase(rng.choice([1, 2])) for _ in range(3)] if typed or number % 3 == 0
            else [],
        ))
    return people


def main() -> None:
    rng = random.Random(1)
    invented = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 9)))
                for _ in range(1_500)]
    for label, words in (("real desk", COMMON + invented), ("crowded desk", COMMON)):
        people = desk(words, rng)
        start = time.perf_counter()
        pairs = rank_pairs(people, Config())
        ranked = time.perf_counter() - start
        start = time.perf_counter()
        candidates = match_lead(LEAD, people, LeadHistory({}, {}), Config())
        matched = time.perf_counter() - start
        print(f"{label}: {len(pairs)} introductions ranked in {ranked:.2f} s; "
              f"one lead matched in {matched:.2f} s ({len(candidates)} people to tell)")


if __name__ == "__main__":
    main()
