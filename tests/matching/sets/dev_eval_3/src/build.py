#!/usr/bin/env python3
"""Build contacts.csv, feeds/, labels.json from src/contacts.py and src/articles.py."""
import csv, json, os, re, unicodedata, datetime
from xml.sax.saxutils import escape
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
exec(open(os.path.join(HERE, "contacts.py"), encoding="utf-8").read())
exec(open(os.path.join(HERE, "articles.py"), encoding="utf-8").read())
RM = set(json.load(open(os.path.join(HERE, "rm.json"))))
A = [a for a in A if a[1] not in RM]

def key(name):
    n = re.sub(r"^(Dr\.|Prof\.)\s+", "", name).split()[0]
    return unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode().lower()
K = {key(c[0]): c[0] for c in C}
assert len(K) == len(C)

with open(os.path.join(OUT, "contacts.csv"), "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["name","email","company","role","location","interests","needs","offers","notes","key"])
    for c in C: w.writerow(c)

def slug(t):
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:70].strip("-")

FEEDS = {
 "L": dict(file="local.xml", kind="rss", title="The Leeside Courier", site="https://www.leesidecourier.ie/",
           desc="News from Cork city and county"),
 "F": dict(file="farmfood.xml", kind="rss", title="Southern Farm & Food Journal", site="https://www.southernfarmfood.ie/",
           desc="Farming, food and drink in Munster"),
 "B": dict(file="business.atom", kind="atom", title="Munster Business Post", site="https://www.munsterbusinesspost.ie/"),
 "S": dict(file="healthtech.atom", kind="atom", title="Irish Health & Tech Wire", site="https://irishhealthtechwire.com/"),
}
pairs, hard, traps, decoys = [], [], [], []
items = {k: [] for k in FEEDS}
counters = {k: 0 for k in FEEDS}
for a in A:
    f, title, summ, pr, h, dec = a
    counters[f] += 1; n = counters[f]
    day = 1 + (n * 7) % 30
    dt = datetime.datetime(2026, 11, day, 6 + (n * 5) % 14, (n * 13) % 60, tzinfo=datetime.timezone.utc)
    s = slug(title)
    if f == "L":
        link = f"https://www.leesidecourier.ie/news/2026/11/{day:02d}/{s}"; guid = f"urn:leesidecourier:2026-11:{n:04d}"
    elif f == "F":
        link = f"https://www.southernfarmfood.ie/2026/11/{s}/"; guid = link
    elif f == "B":
        link = f"https://www.munsterbusinesspost.ie/articles/{s}"; guid = f"tag:munsterbusinesspost.ie,2026-11:{n:03d}"
    else:
        link = f"https://irishhealthtechwire.com/2026/11/{s}"; guid = f"tag:irishhealthtechwire.com,2026:{s}"
    items[f].append(dict(title=title, summary=summ, link=link, guid=guid, dt=dt, n=n))
    ps = pr.split()
    for p in ps:
        k, kind = p.split(":")
        pairs.append([guid, K[k], {"i": "interest", "n": "need", "m": "mention"}[kind]])
    if not ps: traps.append(guid)
    if h: hard.append(guid)
    for d in [x.strip() for x in dec.split(";") if x.strip()]:
        k, why = d.split("=", 1)
        decoys.append([guid, K[k.strip()], why.strip()])

def rss(meta, its):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           '<channel>', f'<title>{escape(meta["title"])}</title>', f'<link>{meta["site"]}</link>',
           f'<description>{escape(meta["desc"])}</description>', '<language>en-ie</language>',
           f'<atom:link href="{meta["site"]}feed.xml" rel="self" type="application/rss+xml"/>',
           '<lastBuildDate>Mon, 30 Nov 2026 23:00:00 +0000</lastBuildDate>']
    for it in its:
        pub = it["dt"].strftime("%a, %d %b %Y %H:%M:%S +0000")
        out.append("<item>")
        out.append(f"<title>{escape(it['title'])}</title>")
        out.append(f"<link>{escape(it['link'])}</link>")
        if meta["file"] == "local.xml":
            out.append(f'<guid isPermaLink="false">{it["guid"]}</guid>')
            if it["n"] % 3 == 0:   # some CDATA HTML descriptions
                out.append(f"<description><![CDATA[<p>{escape(it['summary'])}</p>]]></description>")
            else:
                out.append(f"<description>{escape(it['summary'])}</description>")
        else:
            out.append(f"<guid>{escape(it['guid'])}</guid>")
            if it["n"] % 4 == 0:   # escaped HTML
                out.append(f"<description>{escape('<p>' + escape(it['summary']) + '</p>')}</description>")
            else:
                out.append(f"<description>{escape(it['summary'])}</description>")
        out.append(f"<pubDate>{pub}</pubDate>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)

def atom(meta, its):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f'<title>{escape(meta["title"])}</title>', f'<link href="{meta["site"]}" rel="alternate"/>',
           f'<link href="{meta["site"]}atom.xml" rel="self"/>',
           f'<id>{meta["site"]}</id>', '<updated>2026-11-30T23:00:00Z</updated>',
           f'<author><name>{escape(meta["title"])} newsroom</name></author>']
    for it in its:
        ts = it["dt"].strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append("<entry>")
        out.append(f'<title type="text">{escape(it["title"])}</title>')
        out.append(f'<link rel="alternate" type="text/html" href="{escape(it["link"])}"/>')
        out.append(f"<id>{escape(it['guid'])}</id>")
        out.append(f"<published>{ts}</published><updated>{ts}</updated>")
        if it["n"] % 5 == 0:
            out.append(f'<summary type="html">{escape("<p>" + escape(it["summary"]) + "</p>")}</summary>')
        else:
            out.append(f'<summary type="text">{escape(it["summary"])}</summary>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)

for k, meta in FEEDS.items():
    txt = rss(meta, items[k]) if meta["kind"] == "rss" else atom(meta, items[k])
    open(os.path.join(OUT, "feeds", meta["file"]), "w", encoding="utf-8").write(txt)

json.dump({"pairs": pairs, "hard": hard, "traps": traps, "decoys": decoys},
          open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
print(len(A), "articles", len(pairs), "pairs", len(traps), "traps", len(hard), "hard", len(decoys), "decoys")
