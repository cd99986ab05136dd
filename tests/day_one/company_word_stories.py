"""A labelled list of stories naming a company whose name is a common word: is the story
about the company (True) or about the thing the word means (False)?

Invented headlines in the shape of business news, forums and how-to pages, written for
issue 23 around the names of real companies that are words (UPS, Target, Shell, Box,
Square, Indeed, Adjust) and the day-one fixture's small firms (Anchor, Orbit, Lantern).
`test_company_words.py` measures `givedesk.matching.company_sense` on them.
"""

from __future__ import annotations

STORIES: list[tuple[bool, str, str, str]] = [
    # (about the company, company, title, summary)
    (False, "UPS", "Which UPS should I buy for my homelab rack?",
     "Looking for a battery that lasts 20 minutes."),
    (False, "UPS", "Which UPS battery for my rack?", ""),
    (True, "UPS", "UPS raises delivery surcharges",
     "The parcel carrier will charge more for residential deliveries."),
    (True, "UPS", "UPS raises delivery surcharges", ""),
    (False, "Anchor", "Anchor your shelves: a guide to wall fixings",
     "Which anchor to use for plasterboard."),
    (True, "Anchor", "Anchor hires twenty staff as orders grow", "The firm opened a second office."),
    (True, "Orbit", "Orbit celebrates ten years on the high street",
     "The shop threw a party for customers."),
    (False, "Orbit", "Probe enters orbit around Jupiter's moon", "Mission controllers cheered."),
    (False, "Lantern", "A lantern for every campsite: this year's best picks",
     "We tested twelve lanterns."),
    (True, "Lantern", "Lantern opens a second cafe in the old town",
     "The owners hired six baristas."),
    (True, "Target", "Target cuts prices on 5,000 items ahead of the holidays",
     "The retailer said shoppers are cautious."),
    (False, "Target", "Inflation target missed again as prices rise",
     "The central bank said rates would stay high."),
    (True, "Shell", "Shell reports record profit on gas trading",
     "The oil major will buy back shares."),
    (False, "Shell", "Ten shell scripting tricks every sysadmin should know",
     "Bash loops and pipes explained."),
    (True, "Box", "Box launches AI features for enterprise file storage",
     "The company said customers can search documents."),
    (False, "Box", "How to pack a moving box without breaking plates",
     "Wrap each dish in paper."),
    (True, "Square", "Square adds tap to pay for small merchants",
     "The payments company cut its fees."),
    (False, "Square", "Town square to be pedestrianised next spring",
     "The council approved the plan."),
    (True, "Indeed", "Indeed cuts 1,000 jobs as hiring slows", "The job site said listings fell."),
    (False, "Indeed", "A friend in need is a friend indeed: neighbours rally round",
     "Volunteers cleared the street."),
    (True, "Adjust", "Adjust is acquired by AppLovin",
     "The mobile measurement firm will keep its brand."),
    (False, "Adjust", "How to adjust your bike's brakes in five minutes",
     "All you need is a hex key."),
]
