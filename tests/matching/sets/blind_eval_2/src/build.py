#!/usr/bin/env python3
"""Build contacts.csv, feeds/*, labels.json from contacts.py, articles.py, traps.py, intros.py."""
import csv, json, os, re, sys, uuid, datetime, email.utils, html
from xml.sax.saxutils import escape
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contacts import CONTACTS
import articles, traps  # noqa: F401  (traps appends to articles.ART)
from intros import GOOD, WRONG

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST = {c[0].split()[0]: c[0] for c in CONTACTS}
assert len(FIRST) == len(CONTACTS)

# ---------------------------------------------------------------- contacts
with open(os.path.join(OUT, "contacts.csv"), "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["name", "email", "company", "role", "location", "interests", "needs", "offers", "notes", "key"])
    for c in CONTACTS:
        w.writerow(c)

# ---------------------------------------------------------------- articles
FEEDS = {
    "L": dict(file="local.xml", kind="rss", title="The Leeds Ledger", site="https://www.leedsledger.example/",
              desc="Local news for Leeds and its districts"),
    "B": dict(file="business.atom", kind="atom", title="Yorkshire Enterprise Review", site="https://yorkshireenterprise.example/",
              desc="Business, finance and technology across Yorkshire"),
    "P": dict(file="land.xml", kind="rss", title="Pennine Land & Industry", site="https://penninelandindustry.example/",
              desc="Farming, manufacturing and the trades in the north of England"),
    "S": dict(file="society.atom", kind="atom", title="West Riding Arts, Health & Society", site="https://westridingsociety.example/",
              desc="Arts, health, education and the voluntary sector in West Yorkshire"),
}
CURLY = ("Marchetti's Deli", "St Aidan's Hospice appeals", "Sugarwell Primary's")

def slugify(t):
    t = t.replace("£", "").replace("&", "and")
    t = re.sub(r"[^A-Za-z0-9]+", "-", t.lower()).strip("-")
    return t[:70].rstrip("-")

by_feed = {k: [] for k in FEEDS}
for a in articles.ART:
    by_feed[a["feed"]].append(a)
import random
for fk in by_feed:  # interleave topics and traps the way a real feed does; fixed seed
    random.Random("blind_eval_2:" + fk).shuffle(by_feed[fk])

labels = {"pairs": [], "hard": [], "traps": [], "decoys": []}
seen_titles = set()
for fk, items in by_feed.items():
    f = FEEDS[fk]
    n = len(items)
    for i, a in enumerate(items):
        assert a["title"] not in seen_titles, a["title"]
        seen_titles.add(a["title"])
        day = 1 + (i * 29) // max(n - 1, 1)
        hour = 6 + (i * 7) % 14
        minute = (i * 17) % 60
        a["date"] = datetime.datetime(2026, 11, day, hour, minute, tzinfo=datetime.timezone.utc)
        slug = slugify(a["title"])
        num = f"{i + 1:03d}"
        if fk == "L":
            a["link"] = f"{f['site']}news/2026/11/{day:02d}/{slug}"
            a["guid"] = f"leedsledger-2026-11-{num}"
        elif fk == "B":
            a["link"] = f"{f['site']}2026/11/{slug}"
            a["guid"] = f"tag:yorkshireenterprise.example,2026-11:{num}"
        elif fk == "P":
            a["link"] = f"{f['site']}articles/{slug}"
            a["guid"] = a["link"]
        else:
            a["link"] = f"{f['site']}stories/{num}-{slug}"
            a["guid"] = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, a["link"]))
        if any(a["title"].startswith(c) for c in CURLY):
            a["title"] = a["title"].replace("'", "\u2019", 1)
        for p in a["pairs"].split():
            who, k = p.split(":")
            labels["pairs"].append([a["guid"], FIRST[who], {"i": "interest", "n": "need", "m": "mention"}[k]])
        if a["hard"]:
            labels["hard"].append(a["guid"])
        if not a["pairs"]:
            labels["traps"].append(a["guid"])
        if a["decoys"]:
            for d in a["decoys"].split("|"):
                who, why = d.split("=", 1)
                labels["decoys"].append([a["guid"], FIRST[who], why])

# ---------------------------------------------------------------- writers
def rss(fk, items):
    f = FEEDS[fk]
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
           '<channel>',
           f'<title>{escape(f["title"])}</title>',
           f'<link>{f["site"]}</link>',
           f'<description>{escape(f["desc"])}</description>',
           '<language>en-gb</language>',
           f'<atom:link href="{f["site"]}feed.xml" rel="self" type="application/rss+xml"/>',
           f'<lastBuildDate>{email.utils.format_datetime(datetime.datetime(2026, 11, 30, 22, 0, tzinfo=datetime.timezone.utc))}</lastBuildDate>']
    for i, a in enumerate(items):
        link = a["link"]
        if fk == "P" and i % 4 == 1:
            link += "?utm_source=rss&utm_medium=feed&utm_campaign=daily"
        out.append("<item>")
        out.append(f"<title>{escape(a['title'])}</title>")
        out.append(f"<link>{escape(link)}</link>")
        if fk == "L":
            out.append(f'<guid isPermaLink="false">{a["guid"]}</guid>')
        else:
            out.append(f'<guid isPermaLink="true">{escape(a["guid"])}</guid>')
        out.append(f"<pubDate>{email.utils.format_datetime(a['date'])}</pubDate>")
        if fk == "L" and i % 3 == 0:
            out.append(f"<description><![CDATA[<p>{html.escape(a['summary'], quote=False)}</p>]]></description>")
        elif fk == "L" and i % 3 == 1:
            out.append(f"<description>{escape('<p>' + html.escape(a['summary'], quote=False) + '</p>')}</description>")
        else:
            out.append(f"<description>{escape(a['summary'])}</description>")
        if fk == "L":
            out.append("<dc:creator>Ledger newsdesk</dc:creator>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)

def atom(fk, items):
    f = FEEDS[fk]
    upd = "2026-11-30T22:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
           f'<title>{escape(f["title"])}</title>',
           f'<subtitle>{escape(f["desc"])}</subtitle>',
           f'<link rel="alternate" type="text/html" href="{f["site"]}"/>',
           f'<link rel="self" type="application/atom+xml" href="{f["site"]}feed.atom"/>',
           f'<id>{f["site"]}</id>',
           f'<updated>{upd}</updated>',
           f'<author><name>{escape(f["title"])} staff</name></author>']
    for i, a in enumerate(items):
        ts = a["date"].strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append("<entry>")
        if "&" in a["title"]:
            out.append(f'<title type="html">{escape(html.escape(a["title"], quote=False))}</title>')
        else:
            out.append(f"<title>{escape(a['title'])}</title>")
        out.append(f'<link rel="alternate" type="text/html" href="{escape(a["link"])}"/>')
        out.append(f"<id>{escape(a['guid'])}</id>")
        out.append(f"<published>{ts}</published>")
        out.append(f"<updated>{ts}</updated>")
        if i % 4 == 2:
            out.append(f'<summary type="html">{escape("<p>" + html.escape(a["summary"], quote=False) + "</p>")}</summary>')
        else:
            out.append(f'<summary type="text">{escape(a["summary"])}</summary>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)

os.makedirs(os.path.join(OUT, "feeds"), exist_ok=True)
for fk, items in by_feed.items():
    f = FEEDS[fk]
    newest_first = list(reversed(items))
    text = rss(fk, newest_first) if f["kind"] == "rss" else atom(fk, newest_first)
    with open(os.path.join(OUT, "feeds", f["file"]), "w", encoding="utf-8") as fh:
        fh.write(text)

with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as fh:
    json.dump(labels, fh, indent=1, ensure_ascii=False)
    fh.write("\n")

names = {c[0] for c in CONTACTS}
def expand(lst):
    res = []
    for a, b, why in lst:
        A_, B_ = FIRST[a], FIRST[b]
        res.append([A_, B_, why])
    return res
intros = {"good": expand(GOOD), "wrong": expand(WRONG)}
pairs = [frozenset(x[:2]) for x in intros["good"] + intros["wrong"]]
assert len(pairs) == len(set(pairs)), "duplicate intro pair"
with open(os.path.join(OUT, "intros.json"), "w", encoding="utf-8") as fh:
    json.dump(intros, fh, indent=1, ensure_ascii=False)
    fh.write("\n")
print("built", len(articles.ART), "articles", len(labels["pairs"]), "pairs")
