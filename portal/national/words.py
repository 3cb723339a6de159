"""Latvian words the national data is assembled from, and a `Writer` that assembles them.

Nothing is downloaded: the municipalities are the 43 local governments Latvia has had
since the administrative-territorial reform of 1 July 2021 (7 state cities, 36 novadi)
with their planning regions; names, places, topics and sentences are word lists written
here, and the structure titles (priorities, action lines, tasks, actions, investments,
indicators, SWOT) come from the demo programmes' TOML files in `portal/demo/data/`, so
they read like a real programme. Grammar is kept right by storing the cases a template
needs (a topic's nominative and genitive, a place's genitive and locative).
"""

import tomllib
from functools import cache
from pathlib import Path

from core.text import fold

DEMO_DATA = Path(__file__).resolve().parent.parent / "demo" / "data"

# slug, name, kind, planning region, genitive, locative, centre, rough population (thousands)
# The order is the order municipalities are taken in at a small factor: the big ones first.
MUNICIPALITIES = [
    ("riga", "Rīga", "city", "riga", "Rīgas", "Rīgā", "Rīga", 605),
    ("daugavpils", "Daugavpils", "city", "latgale", "Daugavpils", "Daugavpilī", "Daugavpils", 80),
    ("liepaja", "Liepāja", "city", "kurzeme", "Liepājas", "Liepājā", "Liepāja", 68),
    ("jelgava", "Jelgava", "city", "zemgale", "Jelgavas", "Jelgavā", "Jelgava", 55),
    ("jurmala", "Jūrmala", "city", "riga", "Jūrmalas", "Jūrmalā", "Jūrmala", 50),
    ("ventspils", "Ventspils", "city", "kurzeme", "Ventspils", "Ventspilī", "Ventspils", 33),
    ("rezekne", "Rēzekne", "city", "latgale", "Rēzeknes", "Rēzeknē", "Rēzekne", 27),
    ("ogre", "Ogres novads", "novads", "vidzeme", "", "", "Ogre", 55),
    ("valmiera", "Valmieras novads", "novads", "vidzeme", "", "", "Valmiera", 50),
    ("jekabpils", "Jēkabpils novads", "novads", "zemgale", "", "", "Jēkabpils", 43),
    ("tukums", "Tukuma novads", "novads", "kurzeme", "", "", "Tukums", 42),
    ("bauska", "Bauskas novads", "novads", "zemgale", "", "", "Bauska", 42),
    ("cesis", "Cēsu novads", "novads", "vidzeme", "", "", "Cēsis", 41),
    ("talsi", "Talsu novads", "novads", "kurzeme", "", "", "Talsi", 37),
    ("marupe", "Mārupes novads", "novads", "riga", "", "", "Mārupe", 35),
    ("dienvidkurzeme", "Dienvidkurzemes novads", "novads", "kurzeme", "", "", "Grobiņa", 33),
    ("ropazi", "Ropažu novads", "novads", "riga", "", "", "Ulbroka", 32),
    ("jelgavas-novads", "Jelgavas novads", "novads", "zemgale", "", "", "Jelgava", 32),
    ("aizkraukle", "Aizkraukles novads", "novads", "zemgale", "", "", "Aizkraukle", 32),
    ("madona", "Madonas novads", "novads", "vidzeme", "", "", "Madona", 31),
    ("kuldiga", "Kuldīgas novads", "novads", "kurzeme", "", "", "Kuldīga", 30),
    ("kekava", "Ķekavas novads", "novads", "riga", "", "", "Ķekava", 30),
    ("sigulda", "Siguldas novads", "novads", "riga", "", "", "Sigulda", 30),
    ("saldus", "Saldus novads", "novads", "kurzeme", "", "", "Saldus", 30),
    ("limbazi", "Limbažu novads", "novads", "vidzeme", "", "", "Limbaži", 29),
    ("dobele", "Dobeles novads", "novads", "zemgale", "", "", "Dobele", 28),
    ("rezeknes-novads", "Rēzeknes novads", "novads", "latgale", "", "", "Rēzekne", 26),
    ("augsdaugava", "Augšdaugavas novads", "novads", "latgale", "", "", "Daugavpils", 25),
    ("salaspils", "Salaspils novads", "novads", "riga", "", "", "Salaspils", 23),
    ("ludza", "Ludzas novads", "novads", "latgale", "", "", "Ludza", 23),
    ("adazi", "Ādažu novads", "novads", "riga", "", "", "Ādaži", 21),
    ("kraslava", "Krāslavas novads", "novads", "latgale", "", "", "Krāslava", 21),
    ("olaine", "Olaines novads", "novads", "riga", "", "", "Olaine", 20),
    ("gulbene", "Gulbenes novads", "novads", "vidzeme", "", "", "Gulbene", 20),
    ("balvi", "Balvu novads", "novads", "latgale", "", "", "Balvi", 19),
    ("smiltene", "Smiltenes novads", "novads", "vidzeme", "", "", "Smiltene", 18),
    ("preili", "Preiļu novads", "novads", "latgale", "", "", "Preiļi", 17),
    ("aluksne", "Alūksnes novads", "novads", "vidzeme", "", "", "Alūksne", 14),
    ("livani", "Līvānu novads", "novads", "latgale", "", "", "Līvāni", 11),
    ("ventspils-novads", "Ventspils novads", "novads", "kurzeme", "", "", "Ventspils", 11),
    ("saulkrasti", "Saulkrastu novads", "novads", "vidzeme", "", "", "Saulkrasti", 9),
    ("valka", "Valkas novads", "novads", "vidzeme", "", "", "Valka", 8),
    ("varaklani", "Varakļānu novads", "novads", "vidzeme", "", "", "Varakļāni", 3),
]

MALE_NAMES = (
    "Jānis Andris Pēteris Māris Edgars Juris Aivars Guntis Roberts Kristaps Artūrs Mārtiņš "
    "Raimonds Valdis Gints Ivars Kārlis Uldis Normunds Rihards Dmitrijs Aleksandrs Sergejs "
    "Vladimirs Igors Oskars Dāvis Toms Rolands Ainārs Gatis Arvīds Ēriks Krišjānis Viesturs"
).split()
FEMALE_NAMES = (
    "Ilze Inga Anna Dace Kristīne Laura Līga Sandra Inese Aija Baiba Zane Evija Santa Agnese "
    "Ieva Linda Māra Gunta Olga Svetlana Jeļena Natālija Iveta Daiga Rita Sarmīte Vija Elīna "
    "Marta Solvita Diāna Ligita Renāte Vita"
).split()
# (masculine, feminine)
SURNAMES = [
    pair.split("/")
    for pair in (
        "Bērziņš/Bērziņa Kalniņš/Kalniņa Ozoliņš/Ozoliņa Jansons/Jansone Ozols/Ozola "
        "Liepiņš/Liepiņa Krūmiņš/Krūmiņa Balodis/Balode Eglītis/Eglīte Zariņš/Zariņa "
        "Pētersons/Pētersone Vītols/Vītola Kļaviņš/Kļaviņa Kārkliņš/Kārkliņa Vanags/Vanaga "
        "Zvirbulis/Zvirbule Siliņš/Siliņa Lapiņš/Lapiņa Grīnbergs/Grīnberga Avotiņš/Avotiņa "
        "Zeltiņš/Zeltiņa Gailis/Gaile Līcis/Līce Rozenbergs/Rozenberga Kalējs/Kalēja "
        "Strazdiņš/Strazdiņa Priedītis/Priedīte Dzenis/Dzene Ivanovs/Ivanova Petrovs/Petrova "
        "Smirnovs/Smirnova Kuzņecovs/Kuzņecova Vasiļjevs/Vasiļjeva Popovs/Popova "
        "Sproģis/Sproģe Upītis/Upīte Skujiņš/Skujiņa Krastiņš/Krastiņa Mednis/Medne "
        "Sīlis/Sīle Putniņš/Putniņa Vilks/Vilka Lācis/Lāce Celmiņš/Celmiņa"
    ).split()
]

STREETS = (
    "Brīvības Rīgas Skolas Dārza Pils Baznīcas Raiņa Lāčplēša Ezera Meža Liepu Parka "
    "Stacijas Upes Krasta Saules Avotu Kalna Jelgavas Tirgus Zaļā Bērzu Ozolu Pasta"
).split()

# A city's neighbourhoods; a novads's parishes (genitive, as "… pagasts" needs).
NEIGHBOURHOODS = (
    "Centrs|Ziemeļu apkaime|Dienvidu apkaime|Jaunbūve|Vecpilsēta|Priedaine|Dārziņi|"
    "Purvciems|Pļavnieki|Ziepniekkalns|Āgenskalns|Jugla|Ķengarags|Mežaparks|Imanta|"
    "Bolderāja|Teika|Čiekurkalns|Dzirciems|Grīziņkalns"
).split("|")
PARISHES = (
    "Rudzātu Sutru Jersikas Turku Rožupes Kalsnavas Ērgļu Lazdonas Vestienas Bērzaunes "
    "Mārcienas Praulienas Aronas Cesvaines Sarkaņu Dzelzavas Ošupes Liezēres Mētrienas "
    "Indrānu Vecpiebalgas Drabešu Priekuļu Mārsnēnu Zosēnu Rankas Lizuma Stāmerienas "
    "Litenes Daukstu Tirzas Beļavas Lejasciema Jaunannas Zeltiņu Ilzenes Apes Trapenes "
    "Vecumnieku Bārbeles Codes Īslīces Mežotnes Ceraukstes Gailīšu Vecsaules Zaļenieku "
    "Glūdas Sesavas Valgundes Svētes Salgales Dunavas Rubenes Salas Viesītes Aknīstes"
).split()

# Topics residents, planners and projects talk about: (nominative, genitive).
TOPICS = [
    ("ielu pārbūve", "ielu pārbūves"),
    ("skolu tīkla sakārtošana", "skolu tīkla sakārtošanas"),
    ("sabiedriskā transporta pieejamība", "sabiedriskā transporta pieejamības"),
    ("daudzdzīvokļu māju energoefektivitāte", "daudzdzīvokļu māju energoefektivitātes"),
    ("uzņēmējdarbības atbalsts", "uzņēmējdarbības atbalsta"),
    ("kultūras mantojuma saglabāšana", "kultūras mantojuma saglabāšanas"),
    ("sociālo pakalpojumu attīstība", "sociālo pakalpojumu attīstības"),
    ("digitālās prasmes", "digitālo prasmju"),
    ("veloceliņu tīkls", "veloceliņu tīkla"),
    ("ūdenssaimniecības infrastruktūra", "ūdenssaimniecības infrastruktūras"),
    ("jauniešu iesaiste", "jauniešu iesaistes"),
    ("tūrisma piedāvājums", "tūrisma piedāvājuma"),
    ("pirmsskolas izglītības pieejamība", "pirmsskolas izglītības pieejamības"),
    ("veselības aprūpes pakalpojumi", "veselības aprūpes pakalpojumu"),
    ("degradēto teritoriju revitalizācija", "degradēto teritoriju revitalizācijas"),
    ("publiskās ārtelpas labiekārtošana", "publiskās ārtelpas labiekārtošanas"),
    ("siltumapgādes modernizācija", "siltumapgādes modernizācijas"),
    ("mājokļu pieejamība", "mājokļu pieejamības"),
    ("lauku ceļu stāvoklis", "lauku ceļu stāvokļa"),
    ("mūžizglītība", "mūžizglītības"),
    ("ielu apgaismojums", "ielu apgaismojuma"),
    ("bērnu rotaļu laukumi", "bērnu rotaļu laukumu"),
    ("senioru dienas aprūpe", "senioru dienas aprūpes"),
    ("sporta infrastruktūra", "sporta infrastruktūras"),
    ("atkritumu šķirošana", "atkritumu šķirošanas"),
    ("pludmales pieejamība", "pludmales pieejamības"),
    ("industriālo teritoriju attīstība", "industriālo teritoriju attīstības"),
    ("vides pieejamība cilvēkiem ar invaliditāti", "vides pieejamības cilvēkiem ar invaliditāti"),
    ("kultūras namu programma", "kultūras namu programmas"),
    ("bibliotēku pakalpojumi", "bibliotēku pakalpojumu"),
    ("satiksmes drošība pie skolām", "satiksmes drošības pie skolām"),
    ("zaļās zonas un parki", "zaļo zonu un parku"),
    ("ūdens tūrisma maršruti", "ūdens tūrisma maršrutu"),
    ("nodarbinātības veicināšana", "nodarbinātības veicināšanas"),
    ("pašvaldības e-pakalpojumi", "pašvaldības e-pakalpojumu"),
    ("lietusūdens kanalizācija", "lietusūdens kanalizācijas"),
    ("autostāvvietas pilsētas centrā", "autostāvvietu pilsētas centrā"),
    ("interešu izglītība", "interešu izglītības"),
    ("kapsētu apsaimniekošana", "kapsētu apsaimniekošanas"),
    ("krasta nostiprināšana", "krasta nostiprināšanas"),
]
# What a proposal or an action does to a topic: (nominative, accusative, dative).
DOINGS = [
    ("uzlabošana", "uzlabošanu", "uzlabošanai"),
    ("sakārtošana", "sakārtošanu", "sakārtošanai"),
    ("attīstība", "attīstību", "attīstībai"),
    ("paplašināšana", "paplašināšanu", "paplašināšanai"),
    ("modernizācija", "modernizāciju", "modernizācijai"),
    ("finansēšana", "finansēšanu", "finansēšanai"),
]

FACILITIES = [
    "sporta zāles",
    "pirmsskolas izglītības iestādes",
    "kultūras nama",
    "bibliotēkas",
    "estrādes",
    "stadiona",
    "peldbaseina",
    "siltumtrases",
    "dienas centra",
    "muzeja ekspozīcijas",
    "mūzikas skolas",
    "vidusskolas",
    "pamatskolas",
    "tirgus laukuma",
    "pilsētas parka",
    "promenādes",
    "tilta",
    "ūdensvada",
    "attīrīšanas iekārtu",
    "sociālās mājas",
]
WORKS = [
    "pārbūve",
    "atjaunošana",
    "energoefektivitātes paaugstināšana",
    "būvniecība",
    "modernizācija",
    "labiekārtošana",
    "vienkāršota atjaunošana",
]
SOFT_PROJECTS = [
    "Pašvaldības darbinieku kompetenču pilnveide",
    "Jauniešu nodarbinātības veicināšana",
    "Senioru digitālo prasmju apmācības",
    "Sociālās rehabilitācijas pakalpojumu attīstība",
    "Atbalsts izglītojamo individuālo kompetenču attīstībai",
    "Deinstitucionalizācija un sabiedrībā balstīti pakalpojumi",
    "Veselības veicināšanas un slimību profilakses pasākumi",
    "Uzņēmējdarbības atbalsta centra izveide",
    "Kultūras mantojuma digitalizācija",
    "Pilsētvides zaļās infrastruktūras plānošana",
    "Ilgtspējīgas mobilitātes plāna izstrāde",
    "Publisko pakalpojumu pieejamības uzlabošana",
]
EN_WORDS_A = "Smart Green Cultural Baltic Circular Digital Youth Heritage Active Blue Open".split()
EN_WORDS_B = "Mobility Energy Tourism Water Care Skills Cities Villages Rivers Coasts".split()
EN_WORDS_C = "Routes Links Hubs Labs Network Bridges Paths Steps Gates".split()

# Foreign partners' towns: (name in Latvian, country code).
FOREIGN_TOWNS = [
    ("Tartu", "EE"),
    ("Pērnava", "EE"),
    ("Valga", "EE"),
    ("Viljandi", "EE"),
    ("Võru", "EE"),
    ("Tallina", "EE"),
    ("Šauļi", "LT"),
    ("Panevēža", "LT"),
    ("Viļņa", "LT"),
    ("Kauņa", "LT"),
    ("Klaipēda", "LT"),
    ("Utena", "LT"),
    ("Zarasi", "LT"),
    ("Visagina", "LT"),
    ("Rokišķi", "LT"),
    ("Poznaņa", "PL"),
    ("Gdaņska", "PL"),
    ("Ščecina", "PL"),
    ("Balstoka", "PL"),
    ("Olština", "PL"),
    ("Turku", "FI"),
    ("Tampere", "FI"),
    ("Helsinki", "FI"),
    ("Oulu", "FI"),
    ("Upsala", "SE"),
    ("Kalmāra", "SE"),
    ("Visbija", "SE"),
    ("Karlskruna", "SE"),
    ("Rostoka", "DE"),
    ("Kīle", "DE"),
    ("Lībeka", "DE"),
    ("Greifsvalde", "DE"),
    ("Orhūsa", "DK"),
    ("Olborga", "DK"),
    ("Bergena", "NO"),
    ("Trondheima", "NO"),
    ("Boloņa", "IT"),
    ("Porto", "PT"),
    ("Valensija", "ES"),
    ("Brno", "CZ"),
    ("Debrecena", "HU"),
    ("Kluža-Napoka", "RO"),
    ("Ļubļana", "SI"),
    ("Groningena", "NL"),
    ("Gente", "BE"),
    ("Korka", "IE"),
    ("Salonika", "GR"),
]
# Templates take the town's genitive (`genitive_of`).
ORGANISATION_KINDS = [
    ("municipality", "{town} pašvaldība"),
    ("ngo", "Biedrība „{town} attīstības forums”"),
    ("ngo", "Nodibinājums „{town} kopiena”"),
    ("university", "{town} universitāte"),
    ("university", "{town} lietišķo zinātņu augstskola"),
    ("company", "{town} attīstības aģentūra"),
    ("company", "{town} enerģētikas aģentūra"),
    ("other", "{town} reģionālā padome"),
]


def genitive_of(town):
    """A foreign town's Latvian name in the genitive: Poznaņa → Poznaņas, Šauļi → Šauļu,
    Tartu → Tartu."""
    if town == "Kluža-Napoka":
        return "Klužas-Napokas"
    if town in ("Šauļi", "Zarasi", "Rokišķi"):
        return town[:-1] + "u"
    if town.endswith(("a", "e")):
        return town + "s"
    return town


# Templates take the municipality's genitive.
LATVIAN_ORGANISATIONS = [
    ("ngo", "Biedrība „{name} partnerība”"),
    ("ngo", "Biedrība „{name} jauniešu centrs”"),
    ("company", "SIA „{name} ūdens”"),
    ("company", "SIA „{name} siltums”"),
    ("university", "{name} tehnikums"),
    ("ngo", "Nodibinājums „{name} fonds”"),
]
MINISTRIES = [
    "Viedās administrācijas un reģionālās attīstības ministrija",
    "Labklājības ministrija",
    "Izglītības un zinātnes ministrija",
    "Kultūras ministrija",
    "Satiksmes ministrija",
    "Valsts reģionālās attīstības aģentūra",
    "Centrālā finanšu un līgumu aģentūra",
    "Lauku atbalsta dienests",
]

POSITIONS = [
    "Domes priekšsēdētāja vietnieks",
    "Attīstības nodaļas vadītāja",
    "Teritorijas plānotāja",
    "Finanšu nodaļas vadītāja",
    "Izglītības pārvaldes vadītājs",
    "Sociālā dienesta direktore",
    "Būvvaldes vadītājs",
    "Kultūras pārvaldes vadītāja",
    "Projektu vadītāja",
    "Juriste",
    "Uzņēmēju konsultatīvās padomes pārstāvis",
    "Plānošanas reģiona speciāliste",
]
DEPARTMENTS = [
    "Attīstības nodaļa",
    "Būvniecības un saimniecības nodaļa",
    "Izglītības pārvalde",
    "Sociālais dienests",
    "Kultūras pārvalde",
    "Finanšu nodaļa",
    "Komunālā saimniecība",
    "Sporta pārvalde",
    "Tūrisma informācijas centrs",
    "Pašvaldības policija",
]
FINANCING = [
    "ERAF, pašvaldības budžets",
    "ESF+, valsts budžets",
    "Pašvaldības budžets",
    "KF, pašvaldības budžets",
    "ELFLA, pašvaldības budžets",
    "Interreg, pašvaldības budžets",
    "Atveseļošanas fonds",
    "Valsts budžets, privātie līdzekļi",
]

SENTENCES = [
    "{Place} iedzīvotāju aptaujā kā nozīmīgākā vajadzība minēta {topic}.",
    "Pēdējos piecos gados {place_loc} ieguldīti ievērojami līdzekļi {topic_gen} {doing_dat}.",
    "Iedzīvotāji norāda uz {topic_gen} nepietiekamību, īpaši attālākajās teritorijās.",
    "Būtiska ir {topic_gen} nodrošināšana visām iedzīvotāju grupām.",
    "Plānošanas periodā paredzēta {topic_gen} {doing}, piesaistot ES fondu finansējumu.",
    "Pašvaldība sadarbībā ar nozaru speciālistiem izvērtēja {topic_gen} stāvokli.",
    "Datu analīze liecina, ka {topic} {place_loc} atpaliek no valsts vidējā līmeņa.",
    "Darba grupās uzņēmēji un nevalstiskās organizācijas uzsvēra {topic_gen} nozīmi.",
    "Iedzīvotāju skaits kopš 2011. gada ir samazinājies, tādēļ jāpārskata pakalpojumu tīkls.",
    "Investīciju plānā iekļauti projekti, kas tieši ietekmē {topic_gen} kvalitāti.",
    "Situācija ir uzlabojusies, tomēr joprojām trūkst kvalificētu speciālistu.",
    "Nepieciešama ciešāka sadarbība ar kaimiņu pašvaldībām un plānošanas reģionu.",
    "Rādītāju sasniegšanu pašvaldība uzraudzīs katru gadu uzraudzības ziņojumā.",
    "Īpaša uzmanība pievērsta vides pieejamībai un drošībai.",
    "Izmaksas aprēķinātas, ņemot vērā būvniecības cenu pieaugumu pēdējos gados.",
    "{Place} ir nozīmīgs reģionālais centrs ar darba vietām, skolām un kultūras iestādēm.",
]
PROPOSAL_OPENINGS = [
    "Lūdzu iekļaut rīcības plānā {topic_gen} {doing_acc} {place_loc}.",
    "Ierosinu paredzēt finansējumu {topic_gen} {doing_dat}.",
    "Priekšlikums papildināt programmu ar {topic_gen} {doing_acc}.",
    "Aicinu pašvaldību pievērst lielāku uzmanību {topic_gen} jautājumam.",
    "Programmā pietrūkst skaidra plāna {topic_gen} {doing_dat}.",
    "Iesaku investīciju plānā paredzēt līdzekļus {topic_gen} {doing_dat} jau tuvākajos gados.",
    "Kā {parish} iedzīvotājs lūdzu neaizmirst par {topic_gen} {doing_acc} arī pagastos.",
]
PROPOSAL_DETAILS = [
    "Šobrīd situācija ir neapmierinoša, īpaši ziemā.",
    "Par to runā daudzi kaimiņi un vecāki.",
    "Esmu gatavs iesaistīties darba grupā.",
    "Līdzīgs risinājums veiksmīgi darbojas citās pašvaldībās.",
    "Lūdzu norādīt arī atbildīgo iestādi un termiņu.",
    "Tas uzlabotu dzīves kvalitāti gan jauniešiem, gan senioriem.",
    "Ieteicams izmantot ES fondu iespējas nākamajā plānošanas periodā.",
    "Rādītājiem jābūt izmērāmiem, citādi nevarēs saprast, vai mērķis sasniegts.",
    "Ceru, ka priekšlikums tiks izskatīts pēc būtības.",
    "Pielikumā varu iesniegt fotogrāfijas un shēmu.",
]
JUSTIFICATIONS = {
    "taken": [
        "Priekšlikums ņemts vērā: papildināts attiecīgais uzdevums un rīcības plāns.",
        "Ņemts vērā: aktivitāte iekļauta investīciju plānā.",
        "Ņemts vērā: rīcības virziena aprakstā uzsvērta šī vajadzība.",
    ],
    "partly": [
        "Daļēji ņemts vērā: finansējums paredzēts pēc 2025. gada atkarībā no ES fondu pieejamības.",
        "Daļēji ņemts vērā: aktivitāte iekļauta, bet mazākā apjomā, nekā ierosināts.",
    ],
    "not_taken": [
        "Nav ņemts vērā: jautājums nav pašvaldības kompetencē.",
        "Nav ņemts vērā: risinājums paredzēts teritorijas plānojumā.",
        "Nav ņemts vērā: ierosinātā vieta ir privātīpašums.",
    ],
    "not_relevant": [
        "Priekšlikums neattiecas uz attīstības programmu; nodots izskatīšanai atbildīgajai "
        "nodaļai.",
    ],
}
NEWS_TITLES = [
    "{Place_loc_cap} noslēgusies {facility} {work}",
    "Aicina piedalīties attīstības programmas sabiedriskajā apspriešanā",
    "Uzsākts projekts „{project}”",
    "Notika projekta „{project}” partneru sanāksme",
    "Iedzīvotāji aicināti izteikt viedokli par {topic_gen} nākotni",
    "Apstiprināts investīciju plāna aktualizētais saraksts",
    "Pašvaldība piesaista ES fondu finansējumu {topic_gen} {doing_dat}",
    "Darba grupas apspriež {topic_gen} jautājumus",
    "Noslēgusies iedzīvotāju aptauja par {topic_gen} vajadzībām",
    "{Place_loc_cap} svinīgi atklāj atjaunoto objektu: {facility_nom}",
]
FACILITY_NOMINATIVE = {
    "sporta zāles": "sporta zāle",
    "pirmsskolas izglītības iestādes": "pirmsskolas izglītības iestāde",
    "kultūras nama": "kultūras nams",
    "bibliotēkas": "bibliotēka",
    "estrādes": "estrāde",
    "stadiona": "stadions",
    "peldbaseina": "peldbaseins",
    "siltumtrases": "siltumtrase",
    "dienas centra": "dienas centrs",
    "muzeja ekspozīcijas": "muzeja ekspozīcija",
    "mūzikas skolas": "mūzikas skola",
    "vidusskolas": "vidusskola",
    "pamatskolas": "pamatskola",
    "tirgus laukuma": "tirgus laukums",
    "pilsētas parka": "pilsētas parks",
    "promenādes": "promenāde",
    "tilta": "tilts",
    "ūdensvada": "ūdensvads",
    "attīrīšanas iekārtu": "attīrīšanas iekārtas",
    "sociālās mājas": "sociālā māja",
}


def capitalised(text):
    """The first letter upper-cased, the rest as it is (a title in quotes)."""
    return text[:1].upper() + text[1:]


@cache
def demo_programme_items():
    """What the demo programmes' files hold, by kind, to draw structure titles from:
    priorities, action lines, tasks, actions, investments, indicators, SWOT, sections and
    coherence documents (each as the file's dict)."""
    items = {
        key: []
        for key in (
            "priorities",
            "action_lines",
            "tasks",
            "actions",
            "investments",
            "indicators",
            "sections",
            "coherence",
        )
    }
    swot = {"strength": [], "weakness": [], "opportunity": [], "threat": []}
    for name in ("daugavpils-ap-2014-2020", "livani-iap-2019-2025"):
        with open(DEMO_DATA / f"{name}.toml", "rb") as file:
            data = tomllib.load(file)
        for redaction in data["redactions"]:
            items["sections"] += redaction.get("sections", [])
            items["coherence"] += redaction.get("coherence", [])
            items["indicators"] += redaction.get("indicators", [])
            for kind, texts in redaction.get("swot", {}).items():
                swot[kind] += texts
            for priority in redaction.get("priorities", []):
                items["priorities"].append(priority)
                for line in priority.get("action_lines", []):
                    items["action_lines"].append(line)
                    items["investments"] += line.get("investments", [])
                    for task in line.get("tasks", []):
                        items["tasks"].append(task)
                        items["actions"] += task.get("actions", [])
    # Titles that name a demo place would be wrong in another municipality.
    for key, values in items.items():
        items[key] = [v for v in values if not _names_demo_place(v)] or values
    items["swot"] = {kind: sorted(set(texts)) for kind, texts in swot.items()}
    return items


def _names_demo_place(item):
    text = fold(" ".join(str(v) for v in item.values() if isinstance(v, str)))
    return any(place in text for place in ("daugavpil", "livan", "rigas iela", "latgal"))


class Writer:
    """Latvian text from the word lists, drawn with the generator's seeded `rng`."""

    def __init__(self, rng):
        self.rng = rng
        self.choice = rng.choice

    def person(self):
        """A (first name, surname) pair of one gender."""
        male = self.rng.random() < 0.5
        first = self.choice(MALE_NAMES if male else FEMALE_NAMES)
        surname = self.choice(SURNAMES)[0 if male else 1]
        return f"{first} {surname}"

    def email(self, name, n):
        return f"{fold(name).replace(' ', '.')}{n}@pasts.example"

    def address(self, centre):
        return f"{centre}, {self.choice(STREETS)} iela {self.rng.randint(1, 120)}"

    def fill(self, template, place):
        topic, topic_gen = self.choice(TOPICS)
        doing, doing_acc, doing_dat = self.choice(DOINGS)
        return template.format(
            Place=place.name,
            place_loc=place.locative,
            Place_loc_cap=capitalised(place.locative),
            topic=topic,
            topic_gen=topic_gen,
            doing_acc=doing_acc,
            doing_dat=doing_dat,
            doing=doing,
            parish=self.parish(),
            facility=self.choice(FACILITIES),
            facility_nom=FACILITY_NOMINATIVE[self.choice(FACILITIES)],
            work=self.choice(WORKS),
            project=self.choice(SOFT_PROJECTS),
        )

    def sentences(self, place, count):
        return " ".join(self.fill(self.choice(SENTENCES), place) for _ in range(count))

    def paragraphs(self, place, count, sentences=(2, 4)):
        return "\n\n".join(
            self.sentences(place, self.rng.randint(*sentences)) for _ in range(count)
        )

    def parish(self):
        return f"{self.choice(PARISHES)} pagasta"

    def proposal(self, place):
        text = self.fill(self.choice(PROPOSAL_OPENINGS), place)
        for _ in range(self.rng.randint(0, 3)):
            text += " " + self.choice(PROPOSAL_DETAILS)
        return text

    def news_title(self, place, project=None):
        template = self.choice(NEWS_TITLES)
        if project is not None and self.rng.random() < 0.6:
            template = self.choice(
                ["Uzsākts projekts „{project}”", "Notika projekta „{project}” partneru sanāksme"]
            )
            return template.format(project=project)
        return self.fill(template, place)


class Place:
    """A municipality as the text needs it: its name and cases, centre and size."""

    def __init__(self, slug, name, kind, region, genitive, locative, centre, population):
        self.slug = slug
        self.name = name
        self.kind = kind
        self.region = region
        self.genitive = genitive or name.replace("novads", "novada")
        self.locative = locative or name.replace("novads", "novadā")
        self.centre = centre
        self.population = population
        # Content size follows size, but not linearly: a small novads still has a programme.
        self.weight = (population / MUNICIPALITIES[0][-1]) ** 0.5
        self.municipality = None
        self.organisation = None

    @property
    def council(self):
        """The municipality's own name as an organisation (its official form)."""
        if self.kind == "city":
            return f"{self.genitive} valstspilsētas pašvaldība"
        return f"{self.genitive} pašvaldība"


def places(count):
    """The first `count` municipalities (the biggest first)."""
    return [Place(*row) for row in MUNICIPALITIES[:count]]
