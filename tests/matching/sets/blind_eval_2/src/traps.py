from articles import A
# ---------------------------------------------------------------- traps: relevant to nobody
A("B", "Five habits of leaders who actually listen",
  "Executive coaches share the small routines that make teams feel heard, from walking one-to-ones to ending meetings five minutes early.")
A("B", "Yorkshire business confidence edges up for a third month",
  "The quarterly survey of 600 firms shows a small rise in optimism, though most expect flat sales over the winter.")
A("B", "Why every brand needs a purpose statement in 2027",
  "Marketing consultants argue that customers reward companies that can explain why they exist in one sentence.")
A("B", "Networking breakfast season: how to make the most of it",
  "Arrive early, ask better questions and follow up within a day, say the organisers of the city's busiest business breakfasts.")
A("B", "City centre office rents flat year on year",
  "Prime rents held at £38 a square foot as landlords offered longer rent-free periods to keep tenants.")
A("B", "Pound steadies against the euro ahead of rate decision",
  "Sterling traded in a narrow range as markets waited for the Bank's last meeting of the year.")
A("B", "Hybrid working: is Friday the new Saturday?",
  "Footfall data suggests city centre offices are now busiest on Tuesdays and emptiest on Fridays.")
A("L", "Leeds dance troupe heads to the Big Apple for New York parade",
  "Thirty dancers from a Seacroft studio will perform in the Thanksgiving parade after raising £40,000.",
  hard=False, decoys="Gareth=the Big Apple is New York")
A("P", "Common cranes breed at Yorkshire wetland for the first time in 400 years",
  "A pair of the tall grey birds raised two chicks at a reedbed reserve near Castleford, conservationists confirmed.",
  hard=True, decoys="Deepak=cranes the birds")
A("L", "Wildlife park welcomes twin jaguar cubs",
  "The cubs, born to a mother who arrived from a Dutch zoo last year, will go on show to visitors in the spring.",
  decoys="Liam=jaguar the big cat")
A("L", "Prisoners doubled up in cells as Armley jail runs out of space",
  "Inspectors found two men sharing cells built for one on every wing, and said overcrowding was fuelling violence.",
  hard=True, decoys="Mei=prison cells")
A("L", "Mercury at its brightest: the best week to spot the innermost planet",
  "Stargazers should look low in the south-west just after sunset; the planet will be visible to the naked eye until the 20th.",
  decoys="Nadia=Mercury the planet")
A("L", "Ruby wedding: Armley couple celebrate 40 years with a street party",
  "Neighbours closed the road and hung bunting for the couple, who met at a dance at the town hall in 1986.",
  decoys="Callum=ruby anniversary, not the language")
A("S", "Scouts pitching tents in November rain raise £3,000 for sleep-out charity",
  "The Otley troop spent a wet weekend under canvas to raise money for a homelessness charity.",
  hard=True, decoys="Callum=pitching tents|Kelly=pitching is not pitched roofs")
A("L", "Top seed knocked out of Leeds squash open",
  "The world number nine lost in four games to a qualifier from Cairo in the second round.",
  decoys="Rob=a tournament seed|Fiona=not seed investment")
A("L", "Leeds rower takes bronze at European championships",
  "The 24-year-old finished third in the lightweight single sculls after leading at halfway.",
  decoys="Imogen=bronze medal|Stuart=bronze medal")
A("L", "Hebden Bridge shops reopen after flood clean-up",
  "Traders in the Calder Valley town reopened a fortnight after the river burst its banks.",
  hard=True, decoys="Stuart=Hebden Bridge is a town, not Hebden Castings")
A("L", "Helen Marsh, 17, breaks county 200m butterfly record",
  "The Bradford swimmer knocked a second off a record that had stood since 2009.",
  hard=True, decoys="Helen=a different Helen Marsh")
A("B", "Marchetti Motors recalls 2,000 scooters over brake fault",
  "The Bolton importer has asked owners to stop riding the affected models until a part is replaced.",
  hard=True, decoys="Sofia=Marchetti Motors is not Marchetti's Deli")
A("S", "Harrogate nursery Stepping Stones rated inadequate",
  "Inspectors found staff had not carried out safety checks; the nursery says it has made changes.",
  hard=True, decoys="Joanne=a different Stepping Stones")
A("L", "Northern Lanterns festival brings 2,000 lanterns to Roundhay Park",
  "The Chinese lantern trail opens on 27 November and runs until January.",
  hard=True, decoys="Rachel=a lantern festival, not Northern Lantern Theatre|Nadia=Roundhay the park")
A("L", "Kirkstall Abbey to host winter light trail",
  "The abbey ruins will be lit up for a four-week evening trail with a small food market.",
  decoys="Liam=Kirkstall the abbey")
A("L", "Woolpack Inn reopens in Otley after refurbishment",
  "The pub has a new kitchen and a function room, and will show live sport.",
  decoys="Tony=Woolpack is a pub name|Helen=Woolpack is a pub name|Gareth=Otley pub")
A("S", "Victorian taxidermy collection goes on show at city museum",
  "More than 300 stuffed birds collected by a mill owner are on display for the first time in 50 years.",
  decoys="Elaine=taxidermy contains 'tax'")
A("S", "Cathedral choir to sing at the Vatican",
  "The 24 choristers will sing at a Sunday Mass in St Peter's in February.",
  decoys="Elaine=Vatican contains 'VAT'")
A("L", "Barber donates 30 years of clients' locks to wig charity",
  "A Bramley barber who has kept a box for long hair since 1996 has sent his 500th ponytail to a charity that makes wigs for children having cancer treatment.",
  decoys="Kirsty=locks of hair|Kelly=Bramley, nothing to do with roofing")
A("L", "Toy building blocks record attempt at Kirkgate Market",
  "Children will try to build the longest wall of toy blocks in the country on Saturday, using 200,000 bricks lent by a Wakefield collector.",
  decoys="Kirsty=blocks contains 'locks'|Margaret=Kirkgate the market, not Kirkgate Legal")
A("L", "Insider tips for the Christmas market in Millennium Square",
  "When to go to avoid the queues, where to park and which of the German stalls sell out first, from a trader who has worked the market for 12 years.",
  decoys="Gareth=insider contains 'cider'")
A("L", "Guard rails to be fitted on Otley Road after crashes",
  "Highways engineers will fit steel barriers on a bend near Bodington where three cars left the road this year.",
  decoys="Callum=guard rails, not Ruby on Rails")
A("S", "St Aidan's High School choir wins national title",
  "The Harrogate school's chamber choir beat 40 others at the final in Birmingham with a programme of Tudor music.",
  hard=True, decoys="Grace=a school of the same name, not the hospice")
A("P", "Pike anglers casting on the Aire as the season peaks",
  "Autumn is the best time for pike on the river, say local anglers, who are asking for more bins along the bank.",
  decoys="Rachel=casting a line|Stuart=casting a line")
A("L", "Pensioners fleeced in courier phone scam",
  "Police say fraudsters posing as bank staff sent couriers to collect cards from 14 victims in north Leeds last month.",
  decoys="Helen=fleeced means cheated")
A("L", "Mayoral candidates clash over bus franchising",
  "The three candidates for regional mayor set out rival plans for the buses at a hustings in Wakefield, with fares and night services the main dividing lines.",
  decoys="Nadia=mayoral contains 'oral'")
A("L", "Sheepish council admits its Christmas tree is artificial",
  "The 12-metre tree in the civic square is plastic this year after the usual Norway spruce failed a safety check, and some residents are not impressed.",
  decoys="Helen=sheepish")
A("B", "Economist Aisha Bello warns on Nigerian inflation",
  "The Lagos-based economist told a London conference she expects inflation to stay above 20% next year as the naira weakens.",
  hard=True, decoys="Aisha=a different Aisha Bello")
A("L", "Liam O'Connell scores twice as Rodley Athletic go top",
  "The 19-year-old striker's double gave Rodley a 2-1 win over Garforth and top spot in the Northern Counties league.",
  hard=True, decoys="Liam=a footballer with the same name")
A("L", "Clean slate: council wipes 1,200 parking fines after camera error",
  "Drivers wrongly fined at a bus gate on the Headrow in October will get refunds automatically, the council said.",
  decoys="Kelly=clean slate, not roofing slate")
A("S", "Lymphatic drainage: the spa treatment sweeping Harrogate",
  "Massage therapists say bookings for the gentle technique have trebled since it went viral, though doctors say the evidence is thin.",
  decoys="Rob=drainage massage, not field drains")
A("B", "Sound advice: a pensions checklist before the tax year ends",
  "Five things savers should check before April, from unused allowances to old workplace pots.",
  decoys="Jordan=sound advice|Elaine=a generic consumer checklist")
A("S", "Boiler suits are back: workwear on the catwalk",
  "Fashion designers have turned utility overalls into evening wear for the party season.",
  decoys="Jason=boiler suits are clothes")
A("S", "Founders' Day: Kirkbrook School marks 150 years",
  "Pupils and former pupils gathered at the minster for a service and concert to mark the school's foundation in 1876.",
  decoys="Fiona=founders of a school")
A("L", "Grant Thompson appointed chief executive of rugby club",
  "The former banker takes over at a club that has lost money for three years and is looking for a new ground.",
  decoys="Owen=Grant is a person's name, not a grant")
A("B", "Chicken tenders recall: Scottish fast-food chain pulls batch over labelling error",
  "The Glasgow chain, which has no outlets in England, says one batch may contain milk not listed on the label.",
  decoys="Priya=chicken tenders, not public tenders|Owen=a food recall outside his area")
A("S", "Stem cells study offers hope for people with macular degeneration",
  "A small trial restored some reading vision in four of ten patients, researchers in London reported.",
  decoys="Mei=stem cells, not battery cells|Hannah=stem cells, not STEM visitors")
A("L", "Runaway horse causes chaos on Wetherby high street",
  "The horse bolted from a trailer on market day and was caught outside a bakery, unhurt, after ten minutes.",
  decoys="Mei=runaway horse, not thermal runaway|Rob=Wetherby|Owen=high street")
A("L", "Otley cider maker banned from driving after works party",
  "Gareth Pryce, 52, who runs Wharfedale Cider Co, was banned for 14 months and fined at Leeds magistrates after being stopped on the A660 over the limit.",
  hard=True, decoys="Gareth=names him, but personal court news; a thoughtful person would not send it and it meets no need")
