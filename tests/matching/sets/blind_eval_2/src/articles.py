# A(feed, title, summary, pairs, hard=False, decoys="")
# feed: L local RSS, B business Atom, P land & industry RSS, S society Atom
# pairs: "First:kind ..." with kind i=interest n=need m=mention
# decoys: "First=why|First=why"
ART = []
def A(feed, title, summary, pairs="", hard=False, decoys="", html=False):
    ART.append(dict(feed=feed, title=title, summary=summary, pairs=pairs, hard=hard, decoys=decoys, html=html))

# ---------------------------------------------------------------- law, interpreting
A("L", "Ground rent cap: what the leasehold shake-up means for Leeds flat owners",
  "Owners of around 40,000 leasehold flats in the city will see ground rents capped at a peppercorn from next year. Solicitors expect a rush of lease extension enquiries before the rules bite.",
  "Margaret:i")
A("B", "Kirkgate Legal named Yorkshire property law firm of the year",
  "The Leeds firm picked up the award for its residential conveyancing team and its free advice clinic in Harehills.",
  "Margaret:m")
A("S", "Harehills renters hit by surge in 'no-fault' eviction notices, advice centre warns",
  "Caseworkers say notices have doubled since the summer as landlords sell up ahead of new rules. Many families do not know they can challenge a notice served without the correct paperwork.",
  "Margaret:i", hard=True)
A("B", "Law graduates left without training contracts as city firms trim intake",
  "More than 120 graduates from Leeds law schools are still looking for a two-year training place, a careers survey found. Smaller practices are being urged to take them on.",
  "Margaret:n")
A("L", "Cladding bills: leaseholders in Lincoln Green tower blocks told they will not pay",
  "Residents of three tower blocks have been told remediation costs will fall on the freeholder, after a tribunal ruling that lawyers say could help hundreds of other leaseholders.",
  "Margaret:i", decoys="Kirsty=blocks contains 'locks'")
A("L", "Crown Court hearings adjourned as interpreter bookings fall through",
  "At least nine trials at Leeds Crown Court were put back last month because no Polish, Romanian or Kurdish interpreter arrived. The court service says it is reviewing its agency contract and recruiting freelancers directly.",
  "Tomasz:n", decoys="Margaret=a court's shortage is no lead for a firm that needs an interpreter")

A("S", "Community interpreting service for Ukrainian families expands to Bradford",
  "The service, which trains volunteers to interpret at school and housing appointments, will open a second hub in Bradford in January.",
  "Tomasz:i")
A("S", "New arrivals from Poland and Romania struggle to register with a family doctor, study finds",
  "One in four recent arrivals surveyed in east Leeds had been turned away from a surgery, often for lack of a proof of address, researchers said.",
  "Tomasz:i Aisha:i", hard=True)
A("B", "Employment tribunals to translate key letters into twelve languages",
  "Claimants will be able to ask for hearing notices and decisions in their own language, and tribunals will book qualified interpreters for hearings on request from January.",
  "Tomasz:n", decoys="Kelly=translate contains 'slate'")

# ---------------------------------------------------------------- health
A("S", "Memory cafés run by GPs cut loneliness for dementia patients in Chapeltown",
  "A year-long pilot paired patients living with dementia and their carers with weekly cafés in church halls, and GPs report fewer crisis calls.",
  "Aisha:i")
A("L", "Chapeltown Road Medical Practice rated 'outstanding' by inspectors",
  "Inspectors praised the surgery's work with housebound patients and its link workers, who connect patients with community groups.",
  "Aisha:m")
A("S", "Doctors refer lonely patients to allotments and choirs, with fewer repeat visits",
  "Practices in north-east Leeds have sent 2,300 patients to gardening clubs, choirs and walking groups in a year; repeat appointments among them fell by a fifth.",
  "Aisha:i", hard=True)
A("L", "Flu season arrives early in Yorkshire as hospital admissions double",
  "Admissions with influenza doubled in a fortnight, and health chiefs urged over-65s and people with long-term conditions to get vaccinated now.",
  "Aisha:i Sunita:i")
A("S", "Community pharmacies warn of HRT and ADHD medicine shortages",
  "Pharmacists say they are spending hours a week phoning wholesalers to source prescriptions, with some patients going without for a fortnight.",
  "Sunita:i")
A("L", "Beeston pharmacy fined over controlled drugs record-keeping",
  "Mistry's Pharmacy on Dewsbury Road was fined £4,000 after an inspection found gaps in its controlled drugs register. The owner said new software has since been installed.",
  "Sunita:m")
A("S", "Soup-and-shake diet plan to reverse type 2 rolled out across Leeds",
  "The low-calorie programme, which put about a third of participants into remission in trials, will be offered to 1,500 more patients with a recent diagnosis.",
  "Sunita:i", hard=True)
A("S", "Dentists given 2027 deadline to stop placing amalgam fillings",
  "The phase-out follows an international agreement on mercury. Practices will need new materials and, for many, longer appointments.",
  "Nadia:i")
A("S", "Tooth decay in under-fives worst in the region, council figures show",
  "More than a quarter of five-year-olds in the city have visible decay, and hospital extractions under general anaesthetic are up again.",
  "Nadia:i", hard=True)
A("L", "Roundhay Dental Care opens its NHS list to 1,000 new patients",
  "The practice on Street Lane says a new dentist and an extra surgery mean it can take adults and children from the waiting list.",
  "Nadia:m")
A("S", "Aire Valley College launches dental nursing course with paid placements",
  "The 18-month programme starts in February and will place trainees with local practices, which can sign up to host students now.",
  "Nadia:n Samuel:m")
A("S", "Leeds band Glasshouse shortlisted for the Mercury Prize",
  "The four-piece, who built their following in the city's small venues, are the first Leeds act on the shortlist in eight years.",
  "Jordan:i", hard=True, decoys="Nadia=Mercury the prize, not the metal")
A("S", "St Aidan's Hospice appeals for volunteer drivers as home visits rise",
  "The hospice needs 30 more drivers to take patients to day therapy and to deliver equipment.",
  "Grace:m")
A("S", "Dying at home: new end of life care pilot puts nurses on call overnight",
  "A night-time rapid response team will visit patients in their last weeks so that fewer are admitted to hospital.",
  "Grace:i")
A("S", "Grief cafés: the pop-up spaces helping people talk about loss",
  "Library and café owners across West Yorkshire are hosting monthly drop-ins where people who have lost a partner or parent can talk over tea.",
  "Grace:i", hard=True)
A("S", "Companies urged to give staff paid volunteering days as charities run short of helpers",
  "A new city scheme will match employees from 60 firms with registered charities that need regular volunteers, from driving and befriending to mentoring young people and clearing canal paths.",
  "Grace:n Joanne:n Kirsty:n Marcus:n")

# ---------------------------------------------------------------- agriculture
A("P", "Cider makers hit by duty change on sparkling ciders",
  "Small producers say the new rate on ciders above 5.5% will add 40p a bottle to their premium range.",
  "Gareth:i")
A("P", "Codling moth and scab: wet autumn leaves Bramley growers counting losses",
  "Growers in the Vale of York and Wharfedale report a poor crop of cookers after the damp season. Advisers recommend pheromone traps and better pruning for next year.",
  "Gareth:i", hard=True)
A("B", "Wharfedale Cider Co lands listing with regional supermarket chain",
  "The Otley producer's dry and medium bottles will go into 48 stores across Yorkshire from December.",
  "Gareth:m")
A("P", "Seasonal worker visas opened to smaller fruit farms for 2027",
  "Farms that need fewer than 20 workers can now apply through a shared sponsor, which had been limited to large growers.",
  "Gareth:n")
A("P", "Wool prices recover as demand for British fleece grows",
  "The price paid for a typical fleece has risen for the first time in four years, helped by carpet and insulation makers buying British.",
  "Helen:i Tony:i")
A("P", "Lamb trade slips at Skipton as a wet autumn tells on hill flocks",
  "Store lambs from the higher ground sold for about £6 a head less than last year, with buyers cautious about feed costs through the winter.",
  "Helen:i", hard=True)
A("P", "Bluetongue restricted zone extended to West Yorkshire",
  "Sheep and cattle keepers inside the zone will need a licence to move animals, and vets urge farmers to check for midge bites and lameness.",
  "Helen:i")
A("S", "Ilkley's Marsh Fold Farm opens bookings for spring lambing weekends",
  "Visitors will be able to help feed orphan lambs in March and April; school groups get weekday slots.",
  "Helen:m Hannah:n")
A("P", "Family farm succession workshops announced for Harrogate and Skipton",
  "Free sessions on wills, tenancies and handing the farm to the next generation, with a solicitor and an accountant on hand for one-to-one questions.",
  "Helen:n")
A("P", "Soil health payments: what the new scheme pays per hectare",
  "Arable farmers can claim for cover crops, reduced tillage and organic matter testing; the rates rise by 8% in 2027.",
  "Rob:i")
A("P", "Blackgrass and a soggy drilling season: winter cereal plantings fall 12%",
  "Growers in the east of the county were unable to get on to waterlogged fields in October, and many will switch to spring crops.",
  "Rob:i", hard=True)
A("P", "Whitaker Farms hosts field drainage demonstration near Wetherby",
  "Contractors showed mole ploughing and new tile drains to about 80 farmers on the arable farm.",
  "Rob:m")
A("P", "Grants for on-farm grain stores reopen in January",
  "Farmers can apply for up to 40% of the cost of new drying and storage, with a minimum grant of £15,000.",
  "Rob:n")
A("P", "Yorkshire producers' market seeks restaurant and deli buyers",
  "The new trade market at the Wetherby showground will link farms, dairies and drinks makers with kitchens looking to buy direct, starting in February.",
  "Sofia:n Gareth:n")

# ---------------------------------------------------------------- manufacturing, trades
A("P", "Energy-intensive foundries win relief on network charges",
  "Foundries and forges will pay less towards the grid from April, which the trade body says will save a medium-sized works £90,000 a year.",
  "Stuart:i")
A("P", "Hebden Castings wins order for 300 cast-iron lamp posts for Harrogate",
  "The Hunslet foundry will make replica Victorian columns over 18 months, securing 12 jobs.",
  "Stuart:m", decoys="Rachel=Castings is a foundry, not theatre casting|Imogen=a foundry's order book, not an offer to artists")

A("P", "Fixed-price gas deals: why small metalworks are switching now",
  "Brokers say firms using more than 100,000 kWh a year can lock in winter prices 20% below last year, but contracts signed before Christmas get the best terms.",
  "Stuart:n", decoys="Jason=gas supply contracts, not gas appliance work")

A("S", "Bronze statue of the mill girls unveiled in Armley",
  "The life-size group, modelled from photographs of Armley's weaving sheds, was cast by a Sheffield foundry over nine months.",
  "Imogen:i Stuart:i")
A("S", "Call for artists: £40,000 commission for the Kirkgate Market entrance",
  "The market trust wants a permanent artwork for the new Vicar Lane gate; proposals are due by 15 January.",
  "Imogen:n")
A("L", "Holbeck chapel offered as low-cost rehearsal and studio space",
  "The former Methodist chapel will be let to theatre companies and artists at £8 an hour from the new year, with a sprung floor in the main hall.",
  "Rachel:n Imogen:i")
A("P", "Calder Power Systems opens £12m battery pack line in Leeds",
  "The line will assemble packs for electric buses and create 90 jobs by 2028.",
  "Mei:m")
A("P", "Sodium-ion chemistry trial in Sheffield promises cheaper grid storage",
  "Researchers say the cheaper materials could cut the price of stationary storage by a third, though energy density lags lithium.",
  "Mei:i", hard=True)
A("L", "E-bike battery fires up 40%, fire service warns",
  "Crews attended 61 fires caused by lithium batteries this year; most involved thermal runaway while charging overnight.",
  "Mei:i")
A("L", "400 on-street EV charging points for terraced streets",
  "Residents without driveways in Armley, Harehills and Burley will get kerbside chargers under a £6m scheme.",
  "Mei:i")
A("B", "University opens battery test facility to small firms",
  "Companies can now book time on abuse-testing and cycling rigs at subsidised day rates.",
  "Mei:n")
A("P", "Worsted exports to Japan climb as Tokyo tailors turn to Yorkshire cloth",
  "Exports of fine worsted from the county to Japan rose 18% this year.",
  "Tony:i")
A("B", "Dewhurst Worsted Mill to cut 30 jobs as US tariffs bite",
  "The Guiseley mill, which employs 140, said American orders had halved since the summer.",
  "Tony:m")
A("P", "Mills launch joint weaving academy to tackle skills shortage",
  "Five West Yorkshire mills will train 20 weavers a year, with the first intake in March.",
  "Tony:n")
A("P", "Heat pump grant raised to £7,500 for 2027",
  "Installers expect demand to jump, and the grant will now also cover ground-source systems for flats.",
  "Jason:i")
A("P", "Air-source units: installers report six-month waiting lists",
  "Low-carbon heating firms in the north say they cannot recruit fitters fast enough to meet demand.",
  "Jason:i", hard=True)
A("L", "Horsforth heating firm offers free safety checks for over-75s",
  "Heating engineer Jason Firth and his four-van team will check boilers, fires and carbon monoxide alarms for older residents in Horsforth and Rawdon free of charge this winter.",
  "Jason:m")
A("B", "Free bookkeeping sessions for sole traders at Central Library",
  "Weekly drop-ins from January will help self-employed tradespeople set up simple books and digital records.",
  "Jason:n")
A("L", "Slate thieves strip chapel roofs across West Yorkshire",
  "Police say Welsh slate is being stolen from empty chapels and sold through reclamation yards.",
  "Kelly:i")
A("L", "Storm season: homeowners urged to check tiles and flashing before winter",
  "Insurers say most storm claims come from loose ridge tiles and blocked gutters that could be fixed for a few hundred pounds.",
  "Kelly:i", hard=True)
A("B", "Scaffold firm opens hire yard in Bramley",
  "The new depot will offer short hire to small builders and roofers, with delivery within 24 hours.",
  "Kelly:n")
A("S", "Scaffolding children's talk: new guide for early years staff",
  "The guide shows nursery and reception staff how to build on a child's words, modelling longer sentences.",
  "Hannah:i", decoys="Kelly=scaffolding in the teaching sense")

# ---------------------------------------------------------------- construction, logistics
A("B", "£1.2bn of Leeds construction schemes due to start in 2027",
  "The pipeline includes two hospital wings, 3,000 homes and the station southern entrance.",
  "Deepak:i")
A("L", "Crane collapse inquiry: safety regulator issues new guidance on lifting operations",
  "The guidance tightens wind-speed limits for mobile cranes and requires a named lift supervisor on every site.",
  "Deepak:i")
A("B", "Aire Lift & Crane Hire fined £80,000 after load dropped on Stourton site",
  "Nobody was hurt when a steel beam fell 12 metres, but magistrates said the lift plan had not been followed.",
  "Deepak:m")
A("B", "HGV test backlog clears as waiting times fall to three weeks",
  "Logistics firms say the driver shortage is easing for the first time since 2021.",
  "Priya:i")
A("B", "Cross Green Freight wins hospital supplies warehousing contract",
  "The Leeds operator will store and deliver supplies for three hospital trusts from March.",
  "Priya:m")
A("L", "Parcel vans v cargo bikes: the battle for the city centre's final mile",
  "Delivery firms are trialling micro-depots in car parks to cut van trips in the loop.",
  "Priya:i")
A("B", "Council opens £20m haulage framework to bids",
  "Hauliers can bid for a four-year framework covering waste, salt and school transport.",
  "Priya:i")
A("L", "Warehouse jobs fair at Thorpe Park Leeds",
  "Organisers say 40 stands have gone, but logistics employers can still book a stand to interview on the day for warehouse and forklift roles. About 1,500 jobseekers are expected.",
  "Priya:n Joanne:i")

# ---------------------------------------------------------------- arts, music
A("S", "Open casting call for young Deaf actors for new touring production",
  "Auditions for the play, to be performed in English and BSL, take place in Leeds on 5 December.",
  "Rachel:i", decoys="Stuart=casting in the theatre sense")
A("S", "Northern Lantern Theatre's new play by a Harehills writer sells out its run",
  "The debut play about a corner shop family has sold out and will tour to Hull and Newcastle in spring.",
  "Rachel:m")
A("S", "£5,000 commissions for first plays by Yorkshire writers",
  "A new scheme will pay six first-time playwrights and stage readings of their scripts.",
  "Rachel:i", decoys="Imogen=commissions for plays, not artworks")
A("L", "The Crypt Rooms wins reprieve in noise row with new flats",
  "Councillors rejected a bid to cut the venue's hours after residents of a neighbouring block complained.",
  "Jordan:m")
A("S", "Grassroots venues levy: £1 per arena ticket to fund small stages",
  "Arena promoters will add the charge from 2027; the money will go to venues under 500 capacity.",
  "Jordan:i")
A("S", "Three small music stages closed in Leeds this year, trade body says",
  "Rising rents and fewer late-night customers were blamed for closures in the city centre and Hyde Park.",
  "Jordan:i", hard=True)
A("B", "Soundproofing grants for music venues near new housing",
  "Venues can claim up to £25,000 for acoustic works if they are near a new development.",
  "Jordan:n")
A("L", "Late-night licensing review to look at 4am closing in city centre",
  "The council's licensing committee will consult on extending hours for venues on Call Lane and Briggate.",
  "Jordan:i Owen:i")

# ---------------------------------------------------------------- public sector, hospitality
A("L", "Leeds Business Gateway launches shopfront grants for high streets",
  "Independent shops in 12 district centres can claim up to £5,000 for new signs and windows.",
  "Owen:m")
A("L", "One in six Leeds takeaways rated 2 or below for food hygiene",
  "The council has inspected 900 premises this year; the worst ratings were for poor cleaning and pest control.",
  "Owen:i")
A("L", "Empty shop units fall in Headingley and Chapel Allerton",
  "Vacancy rates are down to 7% in both district centres, with cafés and barbers filling the gaps.",
  "Owen:i", hard=True)
A("L", "Taxi drivers protest against licence fee rise",
  "About 200 cabs circled the civic centre after the council proposed raising the private hire licence fee by 30%.",
  "Owen:i", decoys="Elaine=taxi contains 'tax'")
A("L", "Marchetti's Deli in Headingley wins regional sourdough award",
  "The deli's 48-hour loaf was named best bread at the Yorkshire food awards.",
  "Sofia:m")
A("B", "Cafés must separate food waste from 2027",
  "Food businesses with more than ten staff will need separate food waste collections; smaller firms get two more years.",
  "Sofia:i")
A("S", "Panettone season: how northern bakers are taking on Milan",
  "Bakers in Leeds and Manchester have started making the slow-proved Christmas bread, with some selling out weeks before.",
  "Sofia:i", hard=True)
A("L", "Beeston Community Larder doubles its opening hours",
  "The pantry, which runs from a church hall, now opens twice a week as demand rises.",
  "Marcus:m")
A("S", "Families skipping meals to pay rent, charity survey finds",
  "One in five parents in the city said they had gone without food to pay housing costs this year.",
  "Marcus:i", hard=True)
A("L", "Universal credit changes: what the two-child limit change means for Leeds families",
  "About 11,000 households in the city will receive more each month from April.",
  "Marcus:i")
A("B", "Supermarket surplus scheme offers free chiller units to food banks",
  "Community food projects can apply for a fridge or freezer unit and a weekly chilled surplus collection.",
  "Marcus:n")

# ---------------------------------------------------------------- tech, finance
A("B", "Ruby on Rails meetup returns to Leeds with a focus on junior hires",
  "The monthly meetup restarts on 18 November at a Wellington Street co-working space, with talks on upgrading old apps and a panel on hiring bootcamp graduates.",
  "Callum:i")
A("B", "New £5m pre-seed fund for Yorkshire software start-ups",
  "The fund will write cheques of £100,000 to £250,000 and says it wants applications from first-time founders outside the big cities. The first round of applications closes on 31 January.",
  "Callum:n Fiona:i", decoys="Rob=seed in the investment sense")
A("B", "Pitching clinic: investors give founders three minutes at Leeds Digital Week",
  "Twenty start-ups will pitch to a panel of angels, who will give feedback on the spot. Places for founders are free but limited.",
  "Callum:i Fiona:i")
A("L", "Council publishes bus, bin and planning datasets for developers to reuse",
  "The city's new portal releases 140 datasets under a free licence, from bin collection days to live bus positions, and promises an update every week.",
  "Callum:i", hard=True)
A("B", "Leeds start-up TradeSlot signs up 200 plumbers in its beta",
  "The booking app lets customers book a tradesperson straight into a free slot in their diary. Its founder says electricians are next.",
  "Callum:m")
A("B", "Three Ridings Ventures backs Sheffield glucose-monitoring start-up",
  "The angel syndicate led a £1.8m round in a company making a skin patch that sends blood sugar readings to a phone, aimed at people with diabetes who find finger-prick tests hard.",
  "Fiona:m Sunita:i")
A("B", "Healthtech investment in the North hits a record £340m",
  "Digital health and diagnostics firms in the North raised more in the first ten months of the year than in any previous full year, led by Manchester and Leeds.",
  "Fiona:i")
A("B", "Angel cheques shrink as regional backers turn cautious",
  "The average cheque written by private investors into young Yorkshire companies fell to £38,000 this year, and more rounds are taking over six months to close.",
  "Fiona:i", hard=True)
A("B", "Making Tax Digital for sole traders: April 2027 deadline nears",
  "Self-employed people and landlords earning over £30,000 must keep digital records and send quarterly updates from April. Advisers say many have not yet chosen software.",
  "Elaine:i")
A("B", "Autumn Budget: dividend and threshold changes for company directors",
  "Directors who pay themselves mainly in dividends will take home less next year, and the frozen allowances pull more small companies into higher bills. Advisers suggest reviewing salary splits before April.",
  "Elaine:i", hard=True)
A("B", "Fitzgerald & Moss merges with Harrogate practice",
  "The Leeds accountants will combine with a six-partner Harrogate firm, giving a practice of 45 staff focused on owner-managed businesses.",
  "Elaine:m")

# ---------------------------------------------------------------- education, youth
A("S", "Stepping Stones Leeds mentoring scheme for care leavers wins national award",
  "The charity's volunteer mentors meet young people leaving care every week for a year. Judges praised its record of getting mentees into work or training.",
  "Joanne:m")
A("S", "Care leavers get guaranteed apprenticeship interviews with the council",
  "Young people under 25 who have been in care will be guaranteed an interview for any council apprenticeship they apply for, from January.",
  "Joanne:i", decoys="Stuart=council apprenticeships for care leavers, no use to a foundry")

A("S", "Young people who grew up in foster homes twice as likely to be out of work",
  "The study followed 4,000 young adults and found that a steady adult in their lives after 18 made the biggest difference to whether they found a job.",
  "Joanne:i", hard=True)
A("P", "Colleges warn of engineering course cuts as apprenticeship funding falls",
  "Further education colleges say funding for level 3 engineering apprenticeships has not risen with costs, and small employers are taking on fewer apprentices as a result.",
  "Samuel:i Stuart:i Joanne:i", decoys="Jason=a funding complaint, not a lead for an apprentice")

A("S", "Phonics check results: Leeds pupils close the gap",
  "The share of six-year-olds in the city meeting the phonics standard rose to 79%, close to the national figure, with the biggest gains in inner-city schools.",
  "Hannah:i")
A("S", "Sugarwell Primary's forest school wins outdoor learning award",
  "Pupils at the Meanwood school spend a morning a week in the woods of Meanwood Park building shelters, counting minibeasts and cooking on a fire.",
  "Hannah:m")
A("S", "Free STEM ambassador visits for primary schools in 2027",
  "Primary schools can book engineers and scientists to run hands-on workshops in class, free of charge, through a new regional programme. Bookings open on 1 December.",
  "Hannah:n")
A("S", "Children with autism waiting two years for assessment",
  "Parents in the city say support in the classroom stalls while they wait for a diagnosis, and teachers report more pupils needing one-to-one help.",
  "Hannah:i", hard=True)
A("P", "T Levels: employers still reluctant to offer placements",
  "Colleges say they cannot find enough 45-day industry placements for engineering and manufacturing T Level students, and some may have to drop the course.",
  "Samuel:i", decoys="Joanne=placements for college students, not for her young people")

A("P", "Welding skills gap threatens offshore wind supply chain",
  "Fabricators building turbine foundations say they need 2,000 more coded welders in the north by 2030.",
  "Samuel:i")
A("S", "Night classes make a comeback as over-40s retrain",
  "Evening enrolments at West Yorkshire colleges are up 22%, with bookkeeping, electrical installation and counselling the most popular courses for people changing career mid-life.",
  "Samuel:i", hard=True)
A("S", "Aire Valley College 'requires improvement', inspectors find",
  "Inspectors found weak attendance on some full-time courses but praised the college's engineering workshops and its links with employers.",
  "Samuel:m")

# ---------------------------------------------------------------- heritage, classic cars
A("L", "Canal lock gates replaced at Rodley after 60 years",
  "New oak gates on the Leeds and Liverpool Canal were lowered into place last week, and the towpath reopens on Friday after the stoppage.",
  "Kirsty:i")
A("L", "Aire & Calder Waterways Trust wins lottery grant to restore mill race",
  "The trust will spend £420,000 restoring the water channel and sluices at a former flax mill south of the city centre, with volunteer days planned from spring.",
  "Kirsty:m")
A("L", "Victorian warehouses along the Leeds waterfront to be listed",
  "Six brick warehouses by the river, built for wool and grain traffic in the 1870s, are to be protected after a review by the national listing body.",
  "Kirsty:i", hard=True, decoys="Tony=wool traffic of the 1870s|Priya=historic warehouses, not warehousing")

A("B", "1953 XK120 roadster fetches £184,000 at Harrogate sale",
  "The Coventry-built two-seater, rebuilt over four years by its retired owner, beat its estimate by £40,000 at the autumn auction.",
  "Liam:i", hard=True)
A("L", "Kirkstall Classic Motors restores E-type for St Aidan's Hospice raffle",
  "The workshop spent 2,000 hours on the 1966 car, which will be raffled next summer to raise money for the hospice's night nursing service.",
  "Liam:m Grace:m")
A("B", "The E-type turns 65: owners' club plans a Yorkshire run",
  "Owners of the 1961 sports car will drive from Harrogate to Whitby in May to mark the anniversary.",
  "Liam:i")
A("P", "Trim and upholstery course aims to save heritage vehicle skills",
  "A Bradford training centre will teach leather trim, hood making and carpets for old cars; graduates will be placed with workshops looking for trimmers.",
  "Liam:n")

A("L", "Bramley roofer Kelly Ashworth saves chapel roof with donated labour",
  "The roofer and two apprentices spent three weekends relaying the slates on a Grade II chapel after its congregation lost its insurance claim.",
  "Kelly:m")
A("P", "Aire Valley College to train mobile crane operators from January",
  "The 12-week course, run with the lifting trade body, leads to an operator card and includes a site placement. Employers can sponsor trainees and have first call on graduates.",
  "Deepak:n Samuel:m")
A("B", "VAT registration threshold frozen until 2030",
  "The threshold will stay at £90,000, and advisers warn that more sole traders and small shops will cross it as prices rise.",
  "Elaine:i")
