#!/usr/bin/env python3
"""A naive matcher for comparison (standard library only).

Pairs an article with a contact when one of the contact's interests (or, with
--fields, other fields) occurs as a case-insensitive substring of title + summary.

usage: python3 baseline.py [-o OUT.json] [--fields interests,needs,company,name] [--words]
  --words  require whole-word matches instead of raw substrings
"""
import argparse, csv, glob, html, json, os, re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ATOM = "{http://www.w3.org/2005/Atom}"


def text(el):
    return "" if el is None else "".join(el.itertext())


def clean(s):
    for _ in range(2):
        s = html.unescape(s)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).strip()


def articles():
    for path in sorted(glob.glob(os.path.join(HERE, "feeds", "*"))):
        root = ET.parse(path).getroot()
        if root.tag == "rss":
            for it in root.iter("item"):
                yield {"id": text(it.find("guid")).strip(), "link": text(it.find("link")).strip(),
                       "title": clean(text(it.find("title"))), "body": clean(text(it.find("description")))}
        else:
            for e in root.iter(ATOM + "entry"):
                link = next((l.get("href") for l in e.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"), "")
                yield {"id": text(e.find(ATOM + "id")).strip(), "link": link,
                       "title": clean(text(e.find(ATOM + "title"))), "body": clean(text(e.find(ATOM + "summary")))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", "--out", default="-")
    ap.add_argument("--fields", default="interests")
    ap.add_argument("--words", action="store_true")
    a = ap.parse_args()
    with open(os.path.join(HERE, "contacts.csv"), newline="", encoding="utf-8") as fh:
        contacts = list(csv.DictReader(fh))
    out = []
    arts = list(articles())
    for c in contacts:
        terms = []
        for f in a.fields.split(","):
            terms += [t.strip() for t in c.get(f, "").split(";") if t.strip()]
        for art in arts:
            hay = (art["title"] + " " + art["body"]).casefold().replace("\u2019", "'")
            hits = []
            for t in terms:
                tt = t.casefold()
                ok = re.search(r"\b" + re.escape(tt) + r"\b", hay) if a.words else tt in hay
                if ok:
                    hits.append(t)
            if hits:
                out.append({"article": {"id": art["id"], "title": art["title"], "link": art["link"]},
                            "contact": {"id": c["email"], "name": c["name"]}, "score": 100,
                            "kind": "interest", "reasons": hits})
    js = json.dumps(out, indent=1, ensure_ascii=False)
    if a.out == "-":
        print(js)
    else:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(js)


if __name__ == "__main__":
    main()
