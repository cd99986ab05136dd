"""What people need, and who can meet it: the bundled lexicon of introductions.

A need names a *concept* ("a bookkeeper", "law-firm clients", "student interns"). A
person meets it by what they *are* (their role, company or field names the concept:
a "Bookkeeper", "Ledgerlight Bookkeeping", a law firm's managing partner for
law-firm clients), by what they *offer* ("monthly bookkeeping"), or by being a
*supplier* of it: a university's career-services director supplies student interns,
a booking agent supplies touring musicians, a recruiter supplies practice managers.

Each line below is one concept:

    id | label | terms | suppliers

* `terms`: how the concept is named, in a need, a role, a company, a field or an
  offer. Words are compared whole, singular and plural alike ("tours" is "tour"), and
  never by stem: "touring musicians" is music, "boat tours" is tourism.
* `suppliers`: words in a role, company, field or offer that show someone can provide
  the concept without being it. They meet a need for the concept, never a need for
  *clients* of that kind (a career office supplies interns; it is not an intern).
* `label`: how a sentence names the concept ("I know someone who works in law").

The list is ours (written for givedesk, not copied) and deliberately small: common
professional needs of a local desk. A need whose head is not here is still matched,
by its head noun against the head nouns of offers and roles ("delivery trucks" meets
"spare delivery trucks"), never by a shared stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TABLE = """
accounting | accounting | accountant, accountancy, accounting, bookkeeper, bookkeeping, tax
    return, payroll, cpa, chartered accountant |
legal | law | lawyer, attorney, solicitor, law firm, law, legal, counsel, barrister, paralegal,
    llp | law school
patent | patents | patent, intellectual property, ip, trademark |
finance | financing | financing, finance, loan, lending, credit, capital, funding, investor,
    investment, angel investor, bank, banker, credit union, building society | loan officer
mortgage | mortgages | mortgage, mortgage broker, home loan |
insurance | insurance | insurance, insurer, insurance broker, underwriter |
wealth | financial planning | financial adviser, financial advisor, financial planner, pension,
    retirement planning, wealth management |
grants | grants | grant, grant writer, grant writing, grant proposal, foundation grant | program
    officer
sponsorship | sponsorship | sponsor, sponsorship | community partnerships, partnerships manager
property | real estate | real estate, realty, property, commercial space, estate agent, realtor,
    property manager, letting agent, lease, tenancy, location, unit, premises,
    shop unit | commercial real estate broker
space | space | space, venue, room, hall, studio space, workspace, meeting room,
    event space |
warehouse | warehousing | warehouse, storage, warehousing |
architecture | architecture | architect, architecture, architectural |
planning | planning | planning consultant, planning permission, town planning, planner, zoning,
    permit |
engineering | engineering | engineer, engineering |
construction | construction | construction, builder, building contractor, contractor, carpenter,
    carpentry, joiner, bricklayer, site manager |
trades | trades | tradesperson, tradespeople, trade, plumber, plumbing, electrician, electrical,
    welder, welding, roofer, hvac, carpenter, joiner |
design | design | designer, design, ux, ui, user experience, usability, graphic design |
marketing | marketing | marketing, marketer, brand, branding, advertising, pr, public relations,
    social media, copywriter, copywriting, marketing agency, creative agency |
photography | photography | photographer, photography, photo, headshot |
video | video | video, film, filmmaker, director of photography, videographer, music video,
    documentary, film director |
animation | animation | animator, animation, 3d artist, 3d modelling, illustrator, game artist |
music | music | musician, band, singer, songwriter, singer-songwriter, guitarist, pianist, dj,
    live music, music, acoustic set, performer | booking agent, talent agency, talent agent,
    music promoter, record label
sound | sound | sound engineer, audio, sound, mixing, mastering, live sound |
lighting | lighting | lighting, lighting designer, lighting design, stage lighting |
theatre | theatre | theatre, theater, stage, playhouse, drama |
events | events | event, events, event planner, conference, festival, gig |
catering | catering | catering, caterer |
restaurant | restaurants | restaurant, restaurateur, chef, cook, line cook, kitchen, noodle
    house, trattoria, bistro, diner, eatery |
cafe | cafés | cafe, café, coffee shop, coffee house, roaster, bakery |
bar | bars | bar, pub, brewery, taproom |
hotel | hotels | hotel, hotelier, inn, guest house, hospitality, resort |
food | food | food, produce, vegetables, fruit, bread, grocery, groceries, farm, farmer, food
    supplier, ingredients, gelato, dairy |
food bank | food banks | food bank, food pantry, soup kitchen |
nonprofit | nonprofits | nonprofit, non-profit, charity, charitable, ngo, food bank, community
    group, foundation, community health clinic |
volunteering | volunteering | volunteer, volunteering, volunteer day, volunteer team, pro bono,
    community service |
health | health care | health, healthcare, health care, hospital, clinic, medical, medicine,
    physician, doctor, nurse, nursing, patient, emergency medicine |
doctor | doctors | doctor, physician, gp, surgeon, medic |
dental | dental care | dentist, dental, dental practice, orthodontist |
wellness | wellness | wellness, well-being, wellbeing, yoga, pilates, fitness, meditation,
    mindfulness, personal trainer, gym, flu clinic, health check |
education | education | school, university, college, academy, education, teacher, headteacher,
    classroom, dean, campus |
school | schools | school, primary school, secondary school, headteacher, teacher, pupil, kid,
    children |
students | students | student, intern, internship, graduate, trainee, alumni, apprentice,
    apprenticeship, work placement | career services, careers, career placement, placement, head
    of careers, apprenticeship coordinator, head of apprenticeships, trade school, culinary
    institute, university, college, law school
recruitment | recruitment | recruiter, recruitment, staffing, talent acquisition, headhunter,
    hiring, placing |
employer | employers | employer, hr, human resources, hr director, hiring manager, people team |
staff | staff | staff, practice manager, office manager, receptionist, assistant, worker,
    employee, hire | recruiter, recruitment, staffing, placing, placement
software | software | software, developer, programmer, software engineer, frontend, backend,
    full-stack, react, typescript, python, web development, app, coding, code |
startup | startups | startup, start-up, founder, co-founder, cofounder, venture-backed, cto |
hardware | hardware | hardware, robotics, robot, device, electronics, manufacturing, factory |
games | games | game, games, game studio, video game, gaming |
it | IT support | it support, it services, managed it, helpdesk, cybersecurity, cyber security,
    it company, it consultant |
data | data analysis | data, data analyst, data scientist, data analysis, analytics, statistics,
    dashboard, data visualization |
research | research | research, researcher, study, trial |
logistics | logistics | logistics, freight, shipping, haulage, courier, delivery, fleet,
    distribution |
vehicles | vehicles | truck, van, lorry, vehicle, fleet, hgv, van hire, truck rental |
drivers | drivers | driver, driving, chauffeur, cdl, hgv driver | haulage, logistics, driving
    school
tourism | tourism | tour, tour operator, tourism, travel, travel agency, guided tour, walking
    tour, boat tour, coach tour, excursion |
marine | boats | boat, boating, marine, yacht, sailing, deckhand, marina,
    boatyard, boat owner |
small business | small businesses | small business, business owner, family business, owner, sole
    trader, self-employed, local business |
corporate | companies | corporate, corporation, company, firm, enterprise, insurance, bank,
    office, employer, hr director |
government | government | council, city council, government, public sector, ministry, municipal,
    mayor, councillor, city hall | economic development
speaking | talks | speaker, guest speaker, talk, keynote, presenter, lecture, presentation |
training | training | workshop, training, course, class, mentoring, mentor, coaching, tutor,
    tutoring |
media | media | media, radio, podcast, journalist, reporter, newspaper, magazine, press,
    broadcaster, show host |
retail | retail | retail, retailer, shop, store, stockist, boutique, supermarket |
property development | property development | developer, property developer, homebuilder,
    housing developer, eco homes, self-build |
"""
"""One concept a line (indented lines continue it), as described above."""


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    terms: tuple[str, ...]
    suppliers: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in cell.split(",") if term.strip())


def _parse(table: str) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for line in re.sub(r"\n\s+", " ", table.strip()).splitlines():
        concept_id, label, terms, suppliers = (cell.strip() for cell in line.split("|"))
        concepts[concept_id] = Concept(concept_id, label, _split(terms), _split(suppliers))
    return concepts


CONCEPTS = _parse(_TABLE)
