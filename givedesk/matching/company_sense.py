"""Whether an article that names a company called by a common word is about the company.

"Which UPS should I buy for my homelab rack?" names a battery, not the parcel carrier
someone on the desk works at; "Anchor your shelves" is about wall fixings, not the
small firm called Anchor. The lexical matcher cannot tell them apart: the word is the
company's full name. This is the same sense rule as one-word interests, decided by
meaning:

1. **Only a common word needs it.** A one-word company name (legal suffixes aside) is
   a common word when it is one token of the embedding model's vocabulary
   (`embedding.is_common_word`: "anchor", "target", "ups"), or when the article itself
   uses it in lower case ("we tested twelve lanterns"). "Northwind Bank" or "Okafor"
   need nothing more.
2. **Written only in lower case, it is the thing.** A company's name is a proper noun
   and is capitalised ("UPS raises…", "Anchor hires…"); "probe enters orbit" or "the
   inflation target" uses the word. A name written with capitals somewhere goes on to
   rule 3.
3. **The article, with the name taken out, must read as news of a business.** What is
   left of "UPS raises delivery surcharges. The parcel carrier will charge more…" is
   near `BUSINESS` in meaning; what is left of "Which UPS battery for my rack?" is not.
   The cut, `ABOUT_COMPANY`, is the midpoint between the two classes of the labelled
   list `tests/day_one/company_word_stories.py` (stories that pass rule 2), where it
   tells every story right.

A person named by their own name is never judged here: only a mention by company alone.
"""

from __future__ import annotations

import re

from givedesk.matching.context import company_words
from givedesk.matching.embedding import is_common_word
from givedesk.matching.engine import Ranked
from givedesk.matching.semantic import VectorSource, article_text
from givedesk.models import Article

__all__ = ["ABOUT_COMPANY", "BUSINESS", "about_company", "is_word_name", "names_only_a_word"]

BUSINESS = "the company, its business and customers"
"""What news of a company is about, whatever the company does."""
ABOUT_COMPANY = 0.06
"""Similarity to `BUSINESS` of an article without the name, above which it is about the
company: on the labelled list (2026-12-07, lower-cased embeddings) the lowest company
story scored 0.087 and the highest capitalised story of the thing 0.036."""


def is_word_name(company: str, article: Article) -> bool:
    """Whether the company's name is one common word (module docstring, rule 1)."""
    words = company_words(company)
    if len(words) != 1:
        return False
    name = words[0]
    used_lower = re.search(rf"\b{re.escape(name.lower())}", article_text(article))
    return used_lower is not None or is_common_word(name)


def about_company(article: Article, company: str, source: VectorSource) -> bool:
    """Whether the article writes the name as a name and, the name taken out, reads as
    news of a business (module docstring, rules 2 and 3)."""
    named = re.compile(rf"\b{re.escape(' '.join(company_words(company)))}\w*", re.IGNORECASE)
    text = article_text(article)
    written = named.findall(text)
    if written and not any(word != word.lower() for word in written):
        return False
    rest = named.sub(" ", text)
    rest_vector, business = source.matrix([rest, BUSINESS])
    return float(rest_vector @ business) > ABOUT_COMPANY


def names_only_a_word(pair: Ranked, source: VectorSource) -> bool:
    """Whether a lexical pair's only evidence is a company name that is a common word
    used for the thing, not the company: such a pair is no suggestion."""
    if any(hit.field != "company" for hit in pair.hits):
        return False
    company = pair.contact.company
    return is_word_name(company, pair.article) and not about_company(pair.article, company, source)
