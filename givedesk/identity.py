"""Recognising the same person across records typed, synced and exported by different tools.

A phone writes "José García", LinkedIn "Jose Garcia, PhD", Outlook "García, José"; the
company is "Acme Inc." in one and "ACME" in another. Comparing raw strings would double
every such person, so names and companies are normalised first (accents, case,
punctuation, word order, honorifics, legal suffixes), and only then compared: exactly,
or fuzzily (typos such as "Jon"/"John") when the company agrees as well.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from givedesk.models import Contact

FUZZY_NAME_THRESHOLD = 90.0
"""token_sort_ratio on normalised names. Measured: typos score above it ("jon smith"/
"john smith" 94.7, "christopher"/"christoper" 97), different people mostly below
("anne lee"/"anna lee" 87.5, "steven king"/"stephen king" 87, "bob stone"/"rob stone" 88.9).
Some different people still pass ("eric lee"/"erica lee" 94), which is why a fuzzy match
also needs the same company and no conflicting email, and why dry runs show the reason."""

_NAME_NOISE = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame", "phd", "md", "mba", "jr", "sr",
     "ii", "iii", "iv"}
)
_COMPANY_NOISE = frozenset(
    {"the", "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag",
     "sa", "sarl", "bv", "nv", "corp", "corporation", "co", "company", "pty", "oy", "ab"}
)


def fold(text: str) -> str:
    """Text as people search it: no accents, no case, single spaces ("Zoë  Núñez" ->
    "zoe nunez"), so what someone types without accents finds the names written with them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _words(value: str) -> list[str]:
    """Lowercase words without accents or punctuation: "Núñez-Gil, Ph.D." -> nunez gil phd."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    kept = "".join(
        character if character.isalnum() else " "
        for character in decomposed
        if character != "." and not unicodedata.combining(character)
    )
    return kept.split()


def normalise_name(name: str) -> str:
    """A person's name as a comparable key: word order, initials and titles do not count.

    A one-letter word is an initial ("J. Smith"); a number is not ("Alpha 1" and "Alpha 2"
    are two people)."""
    words = _words(name)
    meaningful = [
        word for word in words
        if (len(word) > 1 or word.isdigit()) and word not in _NAME_NOISE
    ]
    return " ".join(sorted(meaningful or words))


def normalise_company(company: str) -> str:
    """A company as a comparable key: "The Acme Co., Ltd." and "ACME" are the same."""
    words = _words(company)
    return " ".join(word for word in words if word not in _COMPANY_NOISE) or " ".join(words)


def normalise_email(email: str) -> str:
    return email.strip().casefold()


_SHARED_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
    "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
    "gmx.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru", "qq.com", "163.com",
    "fastmail.com", "zoho.com", "hey.com",
})
"""Mail providers whose domain says nothing about who someone works with."""


def all_emails(contact: Contact) -> set[str]:
    """Every address a contact is known by, normalised."""
    return {normalise_email(e) for e in (contact.email, *(p.value for p in contact.emails)) if e.strip()}


def profile_keys(contact: Contact) -> set[str]:
    """A contact's web links as comparable keys: "https://www.linkedin.com/in/ada/" and
    "http://linkedin.com/in/ada" are the same profile."""
    keys = set()
    for point in contact.urls:
        parts = urlsplit(point.value.strip().casefold())
        host = parts.netloc.removeprefix("www.")
        if host:
            keys.add(f"{host}{parts.path.rstrip('/')}")
    return keys


def work_domains(contact: Contact) -> set[str]:
    """The domains of a contact's addresses, shared mail providers left out."""
    domains = {email.rpartition("@")[2] for email in all_emails(contact) if "@" in email}
    return domains - _SHARED_MAIL_DOMAINS - {""}


@dataclass(frozen=True)
class Match:
    """Who an incoming record was recognised as, and why (shown in dry runs)."""

    contact: Contact
    reason: str


class ContactIndex:
    """Finds the person a record describes among many, without comparing every pair.

    Every key is normalised once, when a contact is indexed: exact lookups are dictionary
    hits, and fuzzy name comparison only runs inside one named company's people (a
    20,000-person import without companies stays linear).
    """

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self._by_email: dict[str, Contact] = {}
        self._by_profile: dict[str, Contact] = {}
        self._by_domain_and_name: dict[tuple[str, str], Contact] = {}
        self._by_name: dict[tuple[str, str], Contact] = {}
        """(company key, name key) -> the first contact indexed under it."""
        self._by_name_alone: dict[str, dict[str, Contact]] = {}
        """Name key -> contact id -> contact, whatever the company (`namesakes`)."""
        self._by_company: dict[str, dict[str, tuple[Contact, str]]] = {}
        """Company key -> contact id -> (contact, name key), for the fuzzy comparison."""
        for contact in contacts:
            self.add(contact)

    def add(self, contact: Contact) -> None:
        """Index (or re-index after a merge filled its email or company) `contact`."""
        for email in all_emails(contact):
            self._by_email.setdefault(email, contact)
        for key in profile_keys(contact):
            self._by_profile.setdefault(key, contact)
        company, name = normalise_company(contact.company), normalise_name(contact.name)
        for domain in work_domains(contact):
            self._by_domain_and_name.setdefault((domain, name), contact)
        self._by_name.setdefault((company, name), contact)
        self._by_name_alone.setdefault(name, {})[contact.id] = contact
        self._by_company.setdefault(company, {})[contact.id] = (contact, name)

    def find(self, record: Contact, *, fuzzy: bool = True) -> Match | None:
        """The contact `record` is, if any: an address in common; else the same profile
        link; else the same name with an address at the same (non-webmail) domain and no
        other company; else the same name at the same company (or both without one);
        else (with `fuzzy`) a similar name at the same named company."""
        for known in sorted(all_emails(record)):
            if known in self._by_email:
                return Match(self._by_email[known], "same email")
        for key in sorted(profile_keys(record)):
            if key in self._by_profile:
                return Match(self._by_profile[key], "same profile link")
        company_key, name = normalise_company(record.company), normalise_name(record.name)
        for domain in sorted(work_domains(record)):
            found = self._by_domain_and_name.get((domain, name))
            other = normalise_company(found.company) if found is not None else ""
            if found is not None and (not company_key or not other or other == company_key):
                return Match(found, f"same name, email at {domain}")
        exact = self._by_name.get((company_key, name))
        if exact is not None:
            same = "same name and company" if company_key else "same name, no company"
            return Match(exact, same)
        similar = self.similar(record) if fuzzy else []
        if not similar:
            return None
        return Match(similar[0], f"similar name ({similar[0].name}), same company")

    def namesakes(self, record: Contact) -> list[Contact]:
        """People with the record's very name but another company, or none where the
        record has one (or one where it has none): "ada okafor" typed without a company
        beside Ada Okafor at Okafor Coffee. Not the same person by the rules of `find`,
        yet worth a word before a second card is made."""
        company = normalise_company(record.company)
        same_name = self._by_name_alone.get(normalise_name(record.name), {})
        return [contact for contact in same_name.values()
                if contact.id != record.id and normalise_company(contact.company) != company]

    def similar(self, record: Contact) -> list[Contact]:
        """People at the same named company whose name is close to the record's (a typo,
        or a different person: "Mario" and "Maria"), most similar first; never someone
        whose email says they are someone else."""
        company_key = normalise_company(record.company)
        if not company_key:
            return []
        email = normalise_email(record.email)
        colleagues = self._by_company.get(company_key, {})
        candidates = {
            contact_id: name
            for contact_id, (contact, name) in colleagues.items()
            if not (email and contact.email and normalise_email(contact.email) != email)
        }
        from rapidfuzz import fuzz, process  # here: `fold` and exact lookups do without it

        found = process.extract(
            normalise_name(record.name), candidates, scorer=fuzz.token_sort_ratio,
            score_cutoff=FUZZY_NAME_THRESHOLD, limit=5,
        )
        return [colleagues[contact_id][0] for _name, _score, contact_id in found]
