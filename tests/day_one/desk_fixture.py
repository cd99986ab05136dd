"""A realistic first morning, invented: a LinkedIn `Connections.csv` of 300 people and
three news feeds, written relative to `today` so the dates read as a real export would.

The people work at a few large employers (40 at "Northwind Bank", 25 at "Skyway Cloud",
…, 10 at "Compass", a company named with a common word) and at about a hundred small
ones (some named with common words too: "Lantern", "Anchor", "Orbit", "UPS"). Nobody has
interests: that is what an import gives. A few connected in the last days, and a few
connected on this day in earlier years (which an old desk took for anniversaries).
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

FIRST = (
    "Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Max",
    "Nia", "Omar", "Pia", "Quin", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wren", "Xia", "Yusuf",
    "Zoe", "Arjun", "Bea", "Cyrus", "Dina", "Emil", "Freya", "Goran", "Hedda", "Imani", "Jonas",
    "Kemi", "Lior", "Mira", "Nils",
)
LAST = (
    "Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Greco", "Haddad", "Iyer",
    "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rahman",
    "Sato", "Tanaka", "Ueda", "Varga", "Weiss", "Xu", "Yilmaz", "Zielinski", "Achebe", "Brandt",
    "Costa", "Demir",
)
LARGE = {"Northwind Bank": 40, "Skyway Cloud": 25, "Contoso Health": 15,
         "Fabrikam Motors": 12, "Compass": 10}
"""Large employers and how many people the desk has at each."""
SMALL_NAMED = ("Kettle Hill Brewing", "Harbor Rugby Club", "Willow Court Care Home",
               "Tidewater Plastics", "Riverbend Analytics", "Lantern", "Anchor", "Orbit", "UPS")
"""Small companies the feeds write about (one or two people each)."""
PLACES = (
    "Saltmarsh", "Pinecrest", "Fernhill", "Ashby", "Brookside", "Cedar", "Larkspur", "Millbrook",
    "Oakridge", "Redfern", "Stonegate", "Thornbury",
)
TRADES = (
    "Dental", "Bakery", "Architects", "Accounting", "Realty", "Catering", "Design", "Legal",
    "Bikes", "Florist", "Media", "Robotics",
)
ROLES = ("Software Engineer", "Java Developer", "Risk Analyst", "Call Centre Team Lead",
         "Data Engineer", "Registered Nurse", "Marketing Manager", "Recruiter",
         "Product Designer", "Accountant", "Sales Executive", "Backend Developer",
         "Director of Operations", "VP Engineering", "Head of Data", "Partner")
SMALL_ROLES = ("Founder", "Owner", "CEO", "Co-founder", "Chef", "Brewer", "Dentist",
               "Architect", "Office Manager", "Designer")


def _people(today: date) -> list[dict[str, str]]:
    rng = random.Random(23)
    companies = [(name, count, ROLES) for name, count in LARGE.items()]
    companies += [(name, 1 + index % 2, SMALL_ROLES) for index, name in enumerate(SMALL_NAMED)]
    small = [f"{place} {trade}" for place in PLACES for trade in TRADES]
    rng.shuffle(small)
    wanted = 300 - sum(count for _name, count, _roles in companies)
    for name in small:
        if wanted <= 0:
            break
        count = min(wanted, rng.choice((1, 1, 2, 3)))
        companies.append((name, count, SMALL_ROLES))
        wanted -= count
    people = []
    for company, count, roles in companies:
        for _ in range(count):
            number = len(people)
            first, last = FIRST[number % len(FIRST)], LAST[(number * 7) % len(LAST)]
            connected = today - timedelta(days=rng.randrange(60, 14 * 365))
            people.append({"First Name": first, "Last Name": last,
                           "URL": f"https://www.linkedin.com/in/{first}-{last}-{number}".lower(),
                           "Email Address": "", "Company": company, "Position": rng.choice(roles),
                           "Connected On": connected.strftime("%d %b %Y")})
    for index, person in enumerate(people[::37]):  # a few new connections this week
        person["Connected On"] = (today - timedelta(days=1 + index)).strftime("%d %b %Y")
    for years, person in enumerate(people[5::41], start=2):  # "anniversaries" today, tomorrow
        day = today + timedelta(days=years % 2)
        person["Connected On"] = day.replace(year=day.year - years).strftime("%d %b %Y")
    return people


def write_connections(path: Path, today: date) -> list[dict[str, str]]:
    """LinkedIn's export, notes above the header included; returns the rows written."""
    people = _people(today)
    # Names are made unique by their number so the import never merges two people.
    for number, person in enumerate(people):
        person["Last Name"] = f"{person['Last Name']}-{number:03}"
    with path.open("w", newline="", encoding="utf-8") as out:
        out.write("Notes:\n\"When exporting your connection data, you may notice that some "
                  "of the email addresses are missing.\"\n\n")
        writer = csv.DictWriter(out, fieldnames=list(people[0]))
        writer.writeheader()
        writer.writerows(people)
    return people


BUSINESS = [
    ("Northwind Bank publishes third-quarter results", "Revenue was in line with forecasts."),
    ("Northwind Bank to cut 400 jobs as branch network shrinks",
     "The lender said the reductions would fall mostly on its call centres."),
    ("A single point of failure triggered the Skyway Cloud outage",
     "Customers lost access to storage for nine hours on Tuesday."),
    ("Skyway Cloud launches a new storage region in the north",
     "The region opens with three data centres."),
    ("Contoso Health opens a walk-in clinic downtown", "It will see patients seven days a week."),
    ("Fabrikam Motors recalls 20,000 vans over brake fault", "Owners will be contacted by post."),
    ("Compass announces a partnership with a payments startup", "Terms were not disclosed."),
    ("Riverbend Analytics raises $5 million to grow its team", "The round was led by a local fund."),
    ("Tidewater Plastics fined over river spill", "The regulator said warnings were ignored."),
    ("UPS raises delivery surcharges",
     "The parcel carrier will charge more for residential deliveries."),
]
LOCAL = [
    ("Kettle Hill Brewing wins gold at the regional beer awards",
     "The brewery's pale ale beat 60 others."),
    ("Harbor Rugby Club fined £5,000 over ineligible player",
     "The league also docked the club four points."),
    ("Willow Court Care Home rated inadequate after inspection",
     "Inspectors found medicines stored unsafely."),
    ("Orbit celebrates ten years on the high street", "The shop threw a party for customers."),
]
TECH = [
    ("Which UPS should I buy for my homelab rack?", "Looking for a battery that lasts 20 minutes."),
    ("Java 25 is out: what changes for developers", "Virtual threads and a faster garbage collector."),
    ("A lantern for every campsite: this year's best picks", "We tested twelve lanterns."),
    ("Anchor your shelves: a guide to wall fixings", "Which anchor to use for plasterboard."),
    ("Campsites closed after storm damage", "Owners say repairs will take the whole summer."),
]
FEEDS = {"business.xml": BUSINESS, "local.xml": LOCAL, "tech.xml": TECH}


def write_feeds(folder: Path, now: datetime) -> list[Path]:
    """The three feeds as RSS files, their items a few hours old; returns their paths."""
    paths = []
    for name, items in FEEDS.items():
        entries = "".join(
            f"<item><title>{escape(title)}</title><description>{escape(summary)}</description>"
            f"<link>https://news.example.com/{name[:-4]}/{index}</link>"
            f"<guid>{name}-{index}</guid>"
            f"<pubDate>{format_datetime(now - timedelta(hours=2 + index))}</pubDate></item>"
            for index, (title, summary) in enumerate(items))
        path = folder / name
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                        f"<title>{name[:-4].title()} News</title>{entries}</channel></rss>",
                        encoding="utf-8")
        paths.append(path)
    return paths
