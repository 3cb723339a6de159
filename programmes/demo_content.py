"""The text of the demo programmes, kept apart from the loader in `programmes.demo`.

Situation analysis areas, data sources, the Daugavpils steering group and the drafting
story come from the seed documents (Daugavpils AP 2014–2020, Līvāni IAP 2019–2025);
priorities, amounts and indicator values are illustrative but realistic.

Shapes:
  section     (area, title, text, [data source codes])
  coherence   (level, document, description)
  priority    (code, title, description, [action line])
  action line (code, title, description, [task], [investment item])
  task        (code, title, [action])
  action      (code, title, responsible, partners, start, end, sources, cost, status, progress)
  investment  (code, title, responsible, expected result, task code or None,
               {(year, source): amount})
  indicator   (code, name, unit, priority code, baseline year, baseline value,
               target year, target value, source, {year: actual value})
"""

# National sources: no municipality owns them, every one cites them.
DATA_SOURCES = [
    ("CSP", "Centrālā statistikas pārvalde", "https://www.csp.gov.lv/"),
    ("NVA", "Nodarbinātības valsts aģentūra", "https://www.nva.gov.lv/"),
    ("PMLP", "Pilsonības un migrācijas lietu pārvalde", "https://www.pmlp.gov.lv/"),
    ("VID", "Valsts ieņēmumu dienests", "https://www.vid.gov.lv/"),
    ("VZD", "Valsts zemes dienests", "https://www.vzd.gov.lv/"),
]

# Each municipality's own sources (its surveys and working groups), by municipality slug:
# the same abbreviation in both, each its municipality's.
MUNICIPAL_DATA_SOURCES = {
    "daugavpils": [
        ("Iedzīvotāju aptauja", "Daugavpils pilsētas iedzīvotāju aptauja", ""),
        ("Uzņēmēju aptauja", "Daugavpils pilsētas uzņēmēju aptauja", ""),
        (
            "Tematiskās darba grupas",
            "Daugavpils pilsētas tematisko darba grupu semināru rezultāti",
            "",
        ),
    ],
    "livani": [
        ("Iedzīvotāju aptauja", "Līvānu novada iedzīvotāju aptauja", ""),
        ("Uzņēmēju aptauja", "Līvānu novada uzņēmēju aptauja", ""),
        (
            "Tematiskās darba grupas",
            "Līvānu novada tematisko darba grupu semināru rezultāti",
            "",
        ),
    ],
}

# ---------------------------------------------------------------------------------------
# Daugavpils pilsētas attīstības programma 2014.–2020. gadam, 1. redakcija
# ---------------------------------------------------------------------------------------

DAUGAVPILS = {
    "summary": (
        "Pirmā redakcija, ko izstrādāja SIA „Baltijas Konsultācijas” sadarbībā ar "
        "Daugavpils pilsētas domi; nodota sabiedriskajai apspriešanai."
    ),
    "vision": (
        "Daugavpils 2020. gadā ir Latgales reģiona attīstības centrs un nozīmīgs pārrobežu "
        "sadarbības mezgls: pilsēta ar konkurētspējīgu ražošanu, zināšanās balstītu "
        "ekonomiku, kvalitatīvu un drošu dzīves vidi un daudzveidīgu kultūrvidi, kurā "
        "iedzīvotāji vēlas dzīvot, mācīties un strādāt."
    ),
    "specialisation": (
        "Daugavpils specializācija izriet no pašreizējās situācijas un SVID analīzes, kā arī "
        "no Latgales plānošanas reģiona ekonomikas profila: apstrādes rūpniecība (metālapstrāde, "
        "mašīnbūve, pārtikas ražošana), loģistika un transports, izmantojot dzelzceļa mezglu un "
        "robežas tuvumu ar Lietuvu un Baltkrieviju, augstākā izglītība un zinātne (Daugavpils "
        "Universitāte) un kultūras tūrisms, kura centrā ir Daugavpils cietoksnis."
    ),
    "functional_links": (
        "Nacionālajā līmenī Daugavpils ir nacionālas nozīmes attīstības centrs un Latgales "
        "reģiona lielākā pilsēta. Reģionālajā līmenī pilsēta nodrošina darba vietas, izglītības, "
        "veselības aprūpes un kultūras pakalpojumus Augšdaugavas, Krāslavas, Ilūkstes un "
        "Līvānu novadu iedzīvotājiem. Pārrobežu līmenī funkcionālās saites veidojas ar Lietuvas "
        "Zarasu un Visagina rajoniem un Baltkrievijas Braslavas rajonu (pārrobežu sadarbības "
        "programmas, „Eiropa pilsoņiem” pilsētu tīkli)."
    ),
    "sections": [
        (
            "nature",
            "Dabas un kultūrvēsturiskās vērtības",
            "Pilsēta atrodas Daugavas krastos, tās teritorijā ir 12 ezeri, Stropu mežu masīvs un "
            "dabas parks „Silene” tuvumā. Daugavpils cietoksnis ir vienīgais Ziemeļeiropā "
            "saglabājies 19. gadsimta pirmās puses cietoksnis; 2013. gadā tajā atvērts Marka "
            "Rotko mākslas centrs. Pilsētas vēsturiskais centrs ir valsts nozīmes "
            "pilsētbūvniecības piemineklis.",
            ["VZD", "Tematiskās darba grupas"],
        ),
        (
            "population",
            "Iedzīvotāji",
            "2013. gada sākumā Daugavpilī dzīvoja 98 089 iedzīvotāji; kopš 2000. gada iedzīvotāju "
            "skaits sarucis par 15 %. Dabiskais pieaugums ir negatīvs, jaunieši aizbrauc uz "
            "Rīgu un ārvalstīm. Pilsēta ir daudznacionāla: latvieši, krievi, poļi, baltkrievi "
            "un citas tautības.",
            ["CSP", "PMLP"],
        ),
        (
            "living",
            "Izglītība un zinātne",
            "Pilsētā darbojas 27 pirmsskolas izglītības iestādes, 17 vispārizglītojošās skolas, "
            "profesionālās izglītības iestādes un Daugavpils Universitāte ar vairāk nekā 4 000 "
            "studentiem. Skolēnu skaita samazināšanās prasa skolu tīkla optimizāciju.",
            ["CSP", "Iedzīvotāju aptauja"],
        ),
        (
            "living",
            "Veselības aprūpe",
            "Daugavpils reģionālā slimnīca nodrošina stacionāro aprūpi visam Dienvidlatgales "
            "reģionam. Iedzīvotāju aptaujā kā lielākās problēmas norādītas garas rindas pie "
            "speciālistiem un ģimenes ārstu novecošanās.",
            ["CSP", "Iedzīvotāju aptauja"],
        ),
        (
            "living",
            "Sociālā drošība",
            "Bezdarba līmenis 2012. gada beigās bija 12,4 %; palielinās pensijas vecuma "
            "iedzīvotāju īpatsvars un pieprasījums pēc aprūpes mājās un dienas centru "
            "pakalpojumiem.",
            ["NVA", "CSP"],
        ),
        (
            "living",
            "Vide",
            "Pilsētā ir sakārtota atkritumu apsaimniekošana, bet nepieciešams samazināt gaisa "
            "piesārņojumu no siltumapgādes un autotransporta un sakopt degradētās teritorijas.",
            ["VZD", "Tematiskās darba grupas"],
        ),
        (
            "living",
            "Kultūrvide un sports",
            "Daugavpils ir Latgales kultūras centrs: teātris, kultūras pils, muzeji, etniskās "
            "kultūras centrs un daudzu tautību biedrības. Sporta infrastruktūru veido ledus halle, "
            "stadions un olimpiskais centrs, taču daļa sporta bāzu ir novecojušas.",
            ["Iedzīvotāju aptauja", "Tematiskās darba grupas"],
        ),
        (
            "infrastructure",
            "Transports",
            "Daugavpils ir dzelzceļa mezgls un starptautisko autoceļu krustpunkts. Pilsētā "
            "darbojas tramvaja satiksme (3 līnijas) un autobusu satiksme; ielu segums ir sliktā "
            "stāvoklī 40 % ielu garuma.",
            ["CSP", "Tematiskās darba grupas"],
        ),
        (
            "infrastructure",
            "Mājokļi",
            "Dzīvojamā fonda lielāko daļu veido padomju laika daudzdzīvokļu mājas ar augstu "
            "siltumenerģijas patēriņu; renovētas tikai dažas mājas.",
            ["VZD", "CSP"],
        ),
        (
            "infrastructure",
            "Komunālie pakalpojumi",
            "Centralizētā ūdensapgāde un kanalizācija pieejama 95 % iedzīvotāju; siltumapgādes "
            "sistēmā lieli siltuma zudumi trasēs.",
            ["CSP", "Iedzīvotāju aptauja"],
        ),
        (
            "economy",
            "Ekonomiskās aktivitātes resursi",
            "Pilsētā reģistrēti vairāk nekā 4 000 ekonomiski aktīvu uzņēmumu; nozīmīgākās nozares "
            "ir apstrādes rūpniecība, tirdzniecība un transports. Uzņēmēji norāda uz kvalificēta "
            "darbaspēka trūkumu un nepieciešamību attīstīt industriālās teritorijas.",
            ["VID", "CSP", "Uzņēmēju aptauja"],
        ),
        (
            "governance",
            "Budžets un investīcijas",
            "Pašvaldības pamatbudžeta ieņēmumi 2012. gadā bija 72 milj. eiro; ES fondu projektos "
            "2007.–2013. gadā piesaistīti vairāk nekā 150 milj. eiro.",
            ["VID", "Tematiskās darba grupas"],
        ),
        (
            "governance",
            "Pārrobežu sadarbība",
            "Pilsēta īsteno Latvijas–Lietuvas un Latvijas–Lietuvas–Baltkrievijas pārrobežu "
            "sadarbības programmu projektus un piedalās „Eiropa pilsoņiem” pilsētu tīklā "
            "„Cities of change”.",
            ["Tematiskās darba grupas"],
        ),
        (
            "governance",
            "Pilsētas tēls",
            "Aptaujās iedzīvotāji Daugavpili raksturo kā zaļu un kultūrām bagātu pilsētu, bet "
            "ārpus tās pilsētas tēlu ietekmē stereotipi; nepieciešams vienots pilsētas mārketings.",
            ["Iedzīvotāju aptauja", "Uzņēmēju aptauja"],
        ),
    ],
    "coherence": [
        (
            "national",
            "Latvijas ilgtspējīgas attīstības stratēģija līdz 2030. gadam (Latvija 2030)",
            "Programma atbalsta stratēģijas prioritātes „Kultūras telpas attīstība” un "
            "„Telpiskās attīstības perspektīva”, stiprinot Daugavpili kā nacionālas "
            "nozīmes centru.",
        ),
        (
            "national",
            "Nacionālais attīstības plāns 2014.–2020. gadam (NAP 2014–2020)",
            "Rīcības virzieni saskan ar NAP prioritātēm „Tautsaimniecības izaugsme” un "
            "„Izaugsmi atbalstošas teritorijas”.",
        ),
        (
            "regional",
            "Latgales plānošanas reģiona attīstības programma 2010.–2017. gadam",
            "Programma ievēro reģiona prioritātes uzņēmējdarbības, transporta un "
            "tūrisma attīstībai.",
        ),
        (
            "regional",
            "Latgales stratēģija 2030",
            "Daugavpils kā reģiona attīstības centrs īsteno stratēģijā noteikto "
            "ekonomikas specializāciju.",
        ),
        (
            "local",
            "Daugavpils pilsētas ilgtspējīgas attīstības stratēģija līdz 2030. gadam",
            "Vidēja termiņa prioritātes izriet no stratēģijā noteiktajām ilgtermiņa prioritātēm.",
        ),
    ],
    "swot": {
        "strength": [
            "Izdevīgs ģeogrāfiskais novietojums pie trīs valstu robežām",
            "Daugavpils Universitāte un profesionālās izglītības iestādes",
            "Daugavpils cietoksnis un daudzveidīgs kultūras mantojums",
            "Attīstīta apstrādes rūpniecības tradīcija",
            "Sabiedriskā transporta tīkls ar tramvaju",
        ],
        "weakness": [
            "Iedzīvotāju skaita samazināšanās un novecošanās",
            "Augsts bezdarba līmenis",
            "Novecojis dzīvojamais fonds ar augstu enerģijas patēriņu",
            "Sliktā stāvoklī esošs ielu segums",
        ],
        "opportunity": [
            "ES fondu 2014.–2020. gada plānošanas perioda finansējums",
            "Pārrobežu sadarbības programmas ar Lietuvu un Baltkrieviju",
            "Industriālo teritoriju attīstība investoru piesaistei",
            "Kultūras tūrisma pieaugums Latgalē",
        ],
        "threat": [
            "Jauniešu emigrācija",
            "Ekonomiskā nestabilitāte kaimiņvalstīs",
            "Valsts budžeta dotāciju samazināšanās",
            "Konkurence ar citiem reģionu centriem par investīcijām",
        ],
    },
    "priorities": [
        (
            "VTP1",
            "Konkurētspējīga un zināšanās balstīta ekonomika",
            "Uzņēmējdarbības vides uzlabošana, investīciju piesaiste un jaunu darba vietu "
            "radīšana.",
            [
                (
                    "RV1.1",
                    "Uzņēmējdarbības vides un industriālo teritoriju attīstība",
                    "Industriālo teritoriju infrastruktūra un atbalsts uzņēmējiem.",
                    [
                        (
                            "U1.1.1",
                            "Sakārtot industriālo teritoriju inženierinfrastruktūru",
                            [
                                (
                                    "R1.1.1.1",
                                    "Ziemeļu industriālās teritorijas pievedceļu un "
                                    "inženiertīklu izbūve",
                                    "Pilsētplānošanas un būvniecības departaments",
                                    "Attīstības departaments",
                                    2014,
                                    2016,
                                    "ERAF, pašvaldības budžets",
                                    "2850000.00",
                                    "in_progress",
                                    60,
                                ),
                                (
                                    "R1.1.1.2",
                                    "Industriālo teritoriju datubāzes izveide investoriem",
                                    "Attīstības departaments",
                                    "LIAA",
                                    2014,
                                    2014,
                                    "Pašvaldības budžets",
                                    "15000.00",
                                    "completed",
                                    100,
                                ),
                            ],
                        ),
                        (
                            "U1.1.2",
                            "Atbalstīt jaunos uzņēmējus un biznesa inkubatoru",
                            [
                                (
                                    "R1.1.2.1",
                                    "Daugavpils biznesa inkubatora darbības nodrošināšana",
                                    "Attīstības departaments",
                                    "LIAA, Daugavpils Universitāte",
                                    2014,
                                    2020,
                                    "ERAF, valsts budžets",
                                    "420000.00",
                                    "in_progress",
                                    40,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I1.1.1",
                            "Ziemeļu industriālās teritorijas infrastruktūras izbūve",
                            "Pilsētplānošanas un būvniecības departaments",
                            "Izbūvēti 2,4 km pievedceļu un inženiertīkli",
                            "U1.1.1",
                            {
                                (2014, "eu"): "650000.00",
                                (2014, "municipal"): "115000.00",
                                (2015, "eu"): "980000.00",
                                (2015, "municipal"): "173000.00",
                                (2016, "eu"): "790000.00",
                                (2016, "municipal"): "142000.00",
                            },
                        ),
                        (
                            "I1.1.2",
                            "Biznesa inkubatora telpu pārbūve",
                            "Attīstības departaments",
                            "Pārbūvēti 1 200 m² inkubatora telpu",
                            "U1.1.2",
                            {
                                (2015, "eu"): "180000.00",
                                (2015, "state"): "20000.00",
                                (2016, "municipal"): "35000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV1.2",
                    "Tūrisma attīstība",
                    "Daugavpils cietokšņa un kultūras mantojuma izmantošana tūrismā.",
                    [
                        (
                            "U1.2.1",
                            "Attīstīt Daugavpils cietoksni kā tūrisma galamērķi",
                            [
                                (
                                    "R1.2.1.1",
                                    "Cietokšņa Artilērijas arsenāla ēkas restaurācija",
                                    "Pilsētplānošanas un būvniecības departaments",
                                    "Marka Rotko mākslas centrs",
                                    2014,
                                    2016,
                                    "ERAF, pašvaldības budžets",
                                    "1900000.00",
                                    "in_progress",
                                    35,
                                ),
                                (
                                    "R1.2.1.2",
                                    "Cietokšņa tūrisma maršrutu un informācijas zīmju izveide",
                                    "Tūrisma informācijas centrs",
                                    "",
                                    2014,
                                    2015,
                                    "Pašvaldības budžets",
                                    "45000.00",
                                    "completed",
                                    100,
                                ),
                            ],
                        ),
                        (
                            "U1.2.2",
                            "Veicināt pilsētas tūrisma mārketingu",
                            [
                                (
                                    "R1.2.2.1",
                                    "Dalība starptautiskās tūrisma izstādēs",
                                    "Tūrisma informācijas centrs",
                                    "Latgales plānošanas reģions",
                                    2014,
                                    2020,
                                    "Pašvaldības budžets",
                                    "70000.00",
                                    "in_progress",
                                    45,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I1.2.1",
                            "Artilērijas arsenāla restaurācija",
                            "Pilsētplānošanas un būvniecības departaments",
                            "Atjaunota vēsturiska ēka ekspozīcijām",
                            "U1.2.1",
                            {
                                (2014, "eu"): "300000.00",
                                (2015, "eu"): "800000.00",
                                (2015, "municipal"): "140000.00",
                                (2016, "eu"): "520000.00",
                                (2016, "municipal"): "140000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV1.3",
                    "Izglītības un darba tirgus sasaiste",
                    "Profesionālā izglītība atbilstoši uzņēmēju vajadzībām.",
                    [
                        (
                            "U1.3.1",
                            "Pilnveidot profesionālās izglītības programmas kopā ar uzņēmējiem",
                            [
                                (
                                    "R1.3.1.1",
                                    "Prakses vietu programma skolēniem un studentiem "
                                    "pilsētas uzņēmumos",
                                    "Izglītības pārvalde",
                                    "Daugavpils Universitāte, uzņēmēju biedrības",
                                    2014,
                                    2020,
                                    "ESF, pašvaldības budžets",
                                    "120000.00",
                                    "planned",
                                    0,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
            ],
        ),
        (
            "VTP2",
            "Kvalitatīva un droša dzīves vide",
            "Izglītības, veselības, sociālo, kultūras un sporta pakalpojumu pieejamība.",
            [
                (
                    "RV2.1",
                    "Mūsdienīga izglītības infrastruktūra",
                    "Izglītības iestāžu modernizācija un skolu tīkla sakārtošana.",
                    [
                        (
                            "U2.1.1",
                            "Modernizēt vispārizglītojošo skolu mācību vidi",
                            [
                                (
                                    "R2.1.1.1",
                                    "Dabaszinātņu kabinetu aprīkojums 10 skolās",
                                    "Izglītības pārvalde",
                                    "",
                                    2014,
                                    2016,
                                    "ERAF, pašvaldības budžets",
                                    "600000.00",
                                    "in_progress",
                                    70,
                                ),
                            ],
                        ),
                        (
                            "U2.1.2",
                            "Uzlabot pirmsskolas izglītības pieejamību",
                            [
                                (
                                    "R2.1.2.1",
                                    "Pirmsskolas izglītības iestāžu energoefektivitātes "
                                    "paaugstināšana",
                                    "Izglītības pārvalde",
                                    "Pilsētplānošanas un būvniecības departaments",
                                    2015,
                                    2018,
                                    "KPFI, pašvaldības budžets",
                                    "1350000.00",
                                    "planned",
                                    10,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I2.1.1",
                            "Pirmsskolas izglītības iestāžu siltināšana",
                            "Izglītības pārvalde",
                            "Siltinātas 5 ēkas",
                            "U2.1.2",
                            {
                                (2015, "state"): "250000.00",
                                (2015, "municipal"): "90000.00",
                                (2016, "state"): "420000.00",
                                (2016, "municipal"): "120000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV2.2",
                    "Veselības aprūpe un sociālie pakalpojumi",
                    "Pakalpojumi senioriem, cilvēkiem ar invaliditāti un ģimenēm ar bērniem.",
                    [
                        (
                            "U2.2.1",
                            "Attīstīt sociālos pakalpojumus dzīvesvietā",
                            [
                                (
                                    "R2.2.1.1",
                                    "Dienas aprūpes centra izveide personām ar garīga rakstura "
                                    "traucējumiem",
                                    "Sociālais dienests",
                                    "NVO",
                                    2015,
                                    2017,
                                    "ESF, pašvaldības budžets",
                                    "380000.00",
                                    "planned",
                                    0,
                                ),
                                (
                                    "R2.2.1.2",
                                    "Aprūpes mājās pakalpojuma paplašināšana",
                                    "Sociālais dienests",
                                    "",
                                    2014,
                                    2020,
                                    "Pašvaldības budžets",
                                    "210000.00",
                                    "in_progress",
                                    50,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
                (
                    "RV2.3",
                    "Kultūras un sporta infrastruktūra",
                    "Kultūras iestāžu un sporta bāzu atjaunošana.",
                    [
                        (
                            "U2.3.1",
                            "Atjaunot pilsētas stadiona infrastruktūru",
                            [
                                (
                                    "R2.3.1.1",
                                    "Stadiona „Celtnieks” rekonstrukcija",
                                    "Sporta pārvalde",
                                    "",
                                    2014,
                                    2015,
                                    "Pašvaldības budžets, valsts budžets",
                                    "1100000.00",
                                    "completed",
                                    100,
                                ),
                            ],
                        ),
                        (
                            "U2.3.2",
                            "Stiprināt etniskās kultūras daudzveidību",
                            [
                                (
                                    "R2.3.2.1",
                                    "Tautību biedrību pasākumu atbalsta programma",
                                    "Kultūras pārvalde",
                                    "Etniskās kultūras centrs, biedrības",
                                    2014,
                                    2020,
                                    "Pašvaldības budžets",
                                    "140000.00",
                                    "in_progress",
                                    45,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I2.3.1",
                            "Stadiona rekonstrukcija",
                            "Sporta pārvalde",
                            "Atjaunots stadions ar skrejceļiem",
                            "U2.3.1",
                            {
                                (2014, "municipal"): "450000.00",
                                (2014, "state"): "200000.00",
                                (2015, "municipal"): "450000.00",
                            },
                        ),
                    ],
                ),
            ],
        ),
        (
            "VTP3",
            "Sakārtota tehniskā infrastruktūra",
            "Transports, mājokļi un komunālie pakalpojumi.",
            [
                (
                    "RV3.1",
                    "Ielu un sabiedriskā transporta attīstība",
                    "Ielu rekonstrukcija un videi draudzīgs sabiedriskais transports.",
                    [
                        (
                            "U3.1.1",
                            "Rekonstruēt pilsētas maģistrālās ielas",
                            [
                                (
                                    "R3.1.1.1",
                                    "18. novembra ielas rekonstrukcija",
                                    "Pilsētplānošanas un būvniecības departaments",
                                    "",
                                    2014,
                                    2016,
                                    "KF, pašvaldības budžets",
                                    "4200000.00",
                                    "in_progress",
                                    55,
                                ),
                            ],
                        ),
                        (
                            "U3.1.2",
                            "Modernizēt tramvaja infrastruktūru",
                            [
                                (
                                    "R3.1.2.1",
                                    "Tramvaja līnijas pagarināšana uz Stropiem",
                                    "AS „Daugavpils satiksme”",
                                    "Pilsētplānošanas un būvniecības departaments",
                                    2015,
                                    2019,
                                    "KF, pašvaldības budžets",
                                    "9500000.00",
                                    "planned",
                                    5,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I3.1.1",
                            "18. novembra ielas rekonstrukcija",
                            "Pilsētplānošanas un būvniecības departaments",
                            "Rekonstruēti 3,1 km ielas",
                            "U3.1.1",
                            {
                                (2014, "eu"): "900000.00",
                                (2014, "municipal"): "160000.00",
                                (2015, "eu"): "1500000.00",
                                (2015, "municipal"): "265000.00",
                                (2016, "eu"): "1170000.00",
                                (2016, "municipal"): "205000.00",
                            },
                        ),
                        (
                            "I3.1.2",
                            "Tramvaja līnijas pagarināšana",
                            "AS „Daugavpils satiksme”",
                            "Izbūvēti 4,5 km jaunas līnijas",
                            "U3.1.2",
                            {
                                (2016, "eu"): "2000000.00",
                                (2016, "municipal"): "350000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV3.2",
                    "Energoefektīvs dzīvojamais fonds",
                    "Daudzdzīvokļu māju renovācija.",
                    [
                        (
                            "U3.2.1",
                            "Veicināt daudzdzīvokļu māju energoefektivitāti",
                            [
                                (
                                    "R3.2.1.1",
                                    "Konsultācijas dzīvokļu īpašniekiem par māju renovāciju",
                                    "SIA „Daugavpils namu pārvalde”",
                                    "Attīstības departaments",
                                    2014,
                                    2020,
                                    "ERAF, privātie līdzekļi",
                                    "60000.00",
                                    "in_progress",
                                    30,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I3.2.1",
                            "Daudzdzīvokļu māju siltināšana",
                            "SIA „Daugavpils namu pārvalde”",
                            "Siltinātas 20 mājas",
                            "U3.2.1",
                            {
                                (2014, "eu"): "400000.00",
                                (2014, "private"): "250000.00",
                                (2015, "eu"): "600000.00",
                                (2015, "private"): "380000.00",
                                (2016, "eu"): "600000.00",
                                (2016, "private"): "380000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV3.3",
                    "Komunālo pakalpojumu kvalitāte",
                    "Ūdenssaimniecība un siltumapgāde.",
                    [
                        (
                            "U3.3.1",
                            "Samazināt siltuma zudumus siltumtrasēs",
                            [
                                (
                                    "R3.3.1.1",
                                    "Siltumtrašu nomaiņa ar rūpnieciski izolētām caurulēm",
                                    "AS „Daugavpils siltumtīkli”",
                                    "",
                                    2014,
                                    2018,
                                    "KF, komersanta līdzekļi",
                                    "3200000.00",
                                    "in_progress",
                                    40,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
            ],
        ),
        (
            "VTP4",
            "Efektīva pārvaldība un sadarbība",
            "Pašvaldības kapacitāte, sabiedrības līdzdalība un starptautiskā sadarbība.",
            [
                (
                    "RV4.1",
                    "Pašvaldības pārvaldes kapacitāte",
                    "Attīstības plānošana un projektu vadība.",
                    [
                        (
                            "U4.1.1",
                            "Stiprināt attīstības plānošanas un projektu vadības kapacitāti",
                            [
                                (
                                    "R4.1.1.1",
                                    "Darbinieku apmācība projektu vadībā",
                                    "Attīstības departaments",
                                    "Latgales plānošanas reģions",
                                    2014,
                                    2015,
                                    "ESF",
                                    "35000.00",
                                    "completed",
                                    100,
                                ),
                                (
                                    "R4.1.1.2",
                                    "Attīstības programmas uzraudzības sistēmas ieviešana",
                                    "Attīstības departaments",
                                    "",
                                    2014,
                                    2020,
                                    "Pašvaldības budžets",
                                    "25000.00",
                                    "in_progress",
                                    50,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
                (
                    "RV4.2",
                    "Starptautiskā un pārrobežu sadarbība",
                    "Dalība starptautiskos tīklos un pārrobežu projektos.",
                    [
                        (
                            "U4.2.1",
                            "Piedalīties Eiropas pilsētu sadarbības tīklos",
                            [
                                (
                                    "R4.2.1.1",
                                    "Dalība projektā „Cities of change”",
                                    "Attīstības departaments",
                                    "Poznaņas pašvaldība un 13 partneri",
                                    2013,
                                    2015,
                                    "„Eiropa pilsoņiem”",
                                    "99000.00",
                                    "in_progress",
                                    60,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
            ],
        ),
    ],
    "indicators": [
        (
            "R1",
            "Iedzīvotāju skaits",
            "iedz.",
            "VTP2",
            2012,
            "99000",
            2020,
            "95000",
            "CSP",
            {2013: "98089", 2014: "96590", 2015: "95467", 2016: "94200"},
        ),
        (
            "R2",
            "Bezdarba līmenis",
            "%",
            "VTP1",
            2012,
            "12.4",
            2020,
            "7.0",
            "NVA",
            {2013: "10.9", 2014: "9.8", 2015: "9.1", 2016: "8.7"},
        ),
        (
            "R3",
            "Ekonomiski aktīvo uzņēmumu skaits",
            "skaits",
            "VTP1",
            2012,
            "4050",
            2020,
            "4600",
            "CSP",
            {2013: "4110", 2014: "4190", 2015: "4260", 2016: "4310"},
        ),
        (
            "R4",
            "Tūristu skaits tūrisma mītnēs",
            "personas",
            "VTP1",
            2012,
            "52000",
            2020,
            "80000",
            "CSP",
            {2013: "58000", 2014: "63500", 2015: "66100", 2016: "70400"},
        ),
        (
            "R5",
            "Rekonstruēto ielu garums",
            "km",
            "VTP3",
            2012,
            "0",
            2020,
            "25",
            "Pilsētplānošanas un būvniecības departaments",
            {2014: "3.1", 2015: "7.4", 2016: "11.0"},
        ),
        (
            "R6",
            "Renovēto daudzdzīvokļu māju skaits",
            "skaits",
            "VTP3",
            2012,
            "12",
            2020,
            "60",
            "SIA „Daugavpils namu pārvalde”",
            {2014: "17", 2015: "24", 2016: "31"},
        ),
        (
            "R7",
            "Sabiedriskā transporta pasažieru skaits",
            "milj. pasažieru",
            "VTP3",
            2012,
            "19.5",
            2020,
            "21.0",
            "AS „Daugavpils satiksme”",
            {2014: "19.1", 2015: "19.3"},
        ),
        (
            "R8",
            "Sociālās aprūpes pakalpojumu saņēmēji",
            "personas",
            "VTP2",
            2012,
            "850",
            2020,
            "1200",
            "Sociālais dienests",
            {2014: "910", 2015: "980", 2016: "1040"},
        ),
        (
            "R9",
            "Siltuma zudumi siltumtīklos",
            "%",
            "VTP3",
            2012,
            "19",
            2020,
            "13",
            "AS „Daugavpils siltumtīkli”",
            {2014: "18", 2015: "16.5", 2016: "15.2"},
        ),
        (
            "R10",
            "Piesaistītais ES fondu finansējums",
            "milj. EUR",
            "VTP4",
            2012,
            "0",
            2020,
            "180",
            "Attīstības departaments",
            {2014: "21", 2015: "58", 2016: "84"},
        ),
        (
            "R11",
            "Iedzīvotāju apmierinātība ar pašvaldības darbu",
            "%",
            "VTP4",
            2012,
            "48",
            2020,
            "65",
            "Iedzīvotāju aptauja",
            {2014: "52", 2016: "57"},
        ),
    ],
}

DAUGAVPILS_STEERING_GROUP = {
    "order_number": "635",
    "order_date": (2012, 11, 16),
    "purpose": (
        "Nodrošināt regulāru attīstības programmas 1. redakcijas projekta izskatīšanu, "
        "precizējot un savlaicīgi novēršot potenciālas pretrunas."
    ),
    # name, position, organisation, role
    "members": [
        ("Pēteris Avotiņš", "Domes priekšsēdētāja vietnieks", "Daugavpils pilsētas dome", "chair"),
        ("Ilze Kalniņa", "Attīstības departamenta vadītāja", "Daugavpils pilsētas dome", "deputy"),
        (
            "Helēna Trošimova",
            "Telpiskās attīstības plānotāja, Ekonomikas un investīciju nodaļa",
            "Daugavpils pilsētas dome",
            "secretary",
        ),
        (
            "Aleksandrs Petrovs",
            "Pilsētplānošanas un būvniecības departamenta vadītājs",
            "Daugavpils pilsētas dome",
            "member",
        ),
        ("Inga Zeltiņa", "Finanšu nodaļas vadītāja", "Daugavpils pilsētas dome", "member"),
        (
            "Svetlana Ivanova",
            "Izglītības pārvaldes vadītāja vietniece",
            "Daugavpils pilsētas dome",
            "member",
        ),
        ("Māris Liepa", "Sociālā dienesta direktors", "Daugavpils pilsētas dome", "member"),
        (
            "Dace Bērziņa",
            "Vadošā eksperte attīstības plānošanā",
            "SIA „Baltijas Konsultācijas”",
            "member",
        ),
        (
            "Andris Gailis",
            "Attīstības plānošanas nodaļas vadītājs",
            "Latgales plānošanas reģions",
            "member",
        ),
    ],
    # number, date, place, agenda, decisions
    "meetings": [
        (
            1,
            (2012, 12, 12),
            "Etniskās kultūras centrs, Daugavpils",
            "AP sadaļu „Pašreizējās situācijas raksturojums un analīze” un „Stratēģiskā daļa” "
            "izskatīšana un izvērtēšana.",
            "Sadaļas pieņemtas zināšanai; ekspertiem precizēt iedzīvotāju un ekonomikas datus.",
        ),
        (
            2,
            (2013, 1, 23),
            "Daugavpils pilsētas dome",
            "Pilsētas vīzijas un vidēja termiņa prioritāšu apspriešana.",
            "Atbalstītas četras vidēja termiņa prioritātes.",
        ),
        (
            3,
            (2013, 3, 6),
            "Daugavpils pilsētas dome, Krišjāņa Valdemāra ielā 1",
            "Rīcības virzieni kultūrvides, tautību biedrību un tūrisma jomā.",
            "Rīcības virzienu sarakstu papildināt ar etniskās kultūras daudzveidības uzdevumu.",
        ),
        (
            4,
            (2013, 4, 17),
            "Daugavpils pilsētas dome",
            "Tematisko darba grupu priekšlikumu izvērtēšana.",
            "Priekšlikumi iekļauti rīcības plāna projektā.",
        ),
        (
            5,
            (2013, 6, 5),
            "Daugavpils pilsētas dome",
            "Rīcības plāna projekta izskatīšana: izpildītāji un finanšu avoti.",
            "Departamentiem līdz 1. jūlijam precizēt izmaksas.",
        ),
        (
            6,
            (2013, 8, 21),
            "Daugavpils pilsētas dome",
            "Investīciju plāna 2014.–2016. gadam projekta izskatīšana.",
            "Investīciju plāns atbalstīts ar precizējumiem.",
        ),
        (
            7,
            (2013, 10, 2),
            "Daugavpils pilsētas dome",
            "Uzraudzības rādītāju un īstenošanas uzraudzības kārtības apspriešana.",
            "Apstiprināts rādītāju saraksts.",
        ),
        (
            8,
            (2013, 11, 20),
            "Daugavpils pilsētas dome",
            "AP 1. redakcijas nodošana sabiedriskajai apspriešanai.",
            "Ieteikt domei nodot 1. redakciju sabiedriskajai apspriešanai.",
        ),
    ],
}

# ---------------------------------------------------------------------------------------
# Līvānu novada integrētā attīstības programma 2019.–2025. gadam, 1. redakcija
# (2. un 3. redakcija ir tās kopijas ar izmaiņām, sk. `programmes.demo`)
# ---------------------------------------------------------------------------------------

LIVANI = {
    "summary": "Pirmā redakcija, sagatavota pēc 13 tematiskajām un teritoriālajām darba grupām.",
    "vision": (
        "Līvānu novads 2030. gadā ir uzņēmīgu cilvēku novads ar modernu rūpniecību, "
        "sakoptu dabas un kultūrvidi un daudzveidīgām iespējām ģimenēm, kur pilsēta un "
        "pagasti attīstās līdzsvaroti."
    ),
    "specialisation": (
        "Līvānu novada specializācija, ņemot vērā Latgales plānošanas reģiona ekonomikas "
        "profilu, ir apstrādes rūpniecība (kokapstrāde, metālapstrāde, būvmateriālu un "
        "farmācijas ražošana) Līvānu industriālajā parkā, kā arī stikla mākslas un amatniecības "
        "mantojumā balstīts tūrisms un radošās industrijas."
    ),
    "functional_links": (
        "Līvāni ir reģionālas nozīmes attīstības centrs starp Jēkabpili un Preiļiem; novada "
        "iedzīvotāji darbam un pakalpojumiem izmanto arī Daugavpils un Rīgas piedāvājumu. "
        "Dzelzceļa līnija Rīga–Daugavpils un autoceļš A6 nodrošina sasniedzamību."
    ),
    "sections": [
        (
            "nature",
            "Dabas un kultūrvēsturiskās vērtības",
            "Novadu šķērso Daugava un Dubna; teritorijā ir dabas parks „Daugavas ieleja” "
            "fragmenti un Līvānu stikla ražošanas mantojums, ko glabā Latgales amatniecības "
            "un stikla centrs.",
            ["VZD", "Tematiskās darba grupas"],
        ),
        (
            "population",
            "Iedzīvotāji",
            "2018. gada sākumā novadā dzīvoja 11 364 iedzīvotāji, no tiem 7 500 Līvānu pilsētā; "
            "iedzīvotāju skaits ik gadu samazinās par aptuveni 1,5 %.",
            ["CSP", "PMLP"],
        ),
        (
            "living",
            "Izglītība un zinātne",
            "Novadā ir 2 vidusskolas, pamatskolas, pirmsskolas izglītības iestādes, mūzikas un "
            "mākslas skola un Līvānu Bērnu un jauniešu centrs.",
            ["CSP", "Iedzīvotāju aptauja"],
        ),
        (
            "living",
            "Veselības aprūpe",
            "Līvānu slimnīca nodrošina ambulatoro un daļēji stacionāro aprūpi; pagastos darbojas "
            "feldšeru punkti.",
            ["CSP", "Iedzīvotāju aptauja"],
        ),
        (
            "living",
            "Sociālā drošība",
            "Bezdarba līmenis 2018. gadā bija 9,8 %; Sociālais dienests sniedz aprūpi mājās un "
            "uztur dienas centrus pagastos.",
            ["NVA", "CSP"],
        ),
        (
            "living",
            "Vide",
            "Novadā ir sakopta vide, bet nepieciešams uzlabot notekūdeņu attīrīšanu pagastu "
            "ciemos un sakopt degradētās rūpniecības teritorijas.",
            ["VZD", "Tematiskās darba grupas"],
        ),
        (
            "living",
            "Kultūrvide un sports",
            "Līvānu kultūras centrs, pagastu tautas nami un sporta skola; aktīva amatierkolektīvu "
            "darbība un ikgadējie Līvānu pilsētas svētki.",
            ["Iedzīvotāju aptauja", "Tematiskās darba grupas"],
        ),
        (
            "infrastructure",
            "Transports",
            "Vietējo ceļu un ielu stāvoklis pagastos ir neapmierinošs; trūkst veloceliņu starp "
            "pilsētu un pagastu centriem.",
            ["Tematiskās darba grupas", "Iedzīvotāju aptauja"],
        ),
        (
            "infrastructure",
            "Mājokļi",
            "Trūkst mūsdienīgu īres dzīvokļu speciālistiem, ko aicina strādāt industriālā parka "
            "uzņēmumi.",
            ["VZD", "Uzņēmēju aptauja"],
        ),
        (
            "infrastructure",
            "Komunālie pakalpojumi",
            "Līvānu pilsētā centralizētā siltumapgāde izmanto šķeldu; ūdenssaimniecības "
            "infrastruktūra pagastos ir daļēji novecojusi.",
            ["CSP"],
        ),
        (
            "economy",
            "Ekonomiskās aktivitātes resursi",
            "Līvānu industriālajā parkā darbojas vairāk nekā 30 uzņēmumi; nozīmīgākās nozares — "
            "kokapstrāde, metālapstrāde, farmācija un būvmateriāli. Uzņēmēju aptaujā kā "
            "galvenais šķērslis norādīts darbaspēka trūkums.",
            ["VID", "Uzņēmēju aptauja", "CSP"],
        ),
        (
            "governance",
            "Budžets un investīcijas",
            "Pašvaldības pamatbudžeta ieņēmumi 2018. gadā bija 14,2 milj. eiro; pašvaldība aktīvi "
            "piesaista ES fondus industriālās infrastruktūras attīstībai.",
            ["VID"],
        ),
        (
            "governance",
            "Pārrobežu sadarbība",
            "Novads piedalās Latvijas–Lietuvas pārrobežu sadarbības programmas un LEADER "
            "projektos.",
            ["Tematiskās darba grupas"],
        ),
        (
            "governance",
            "Novada tēls",
            "Līvāni tiek atpazīti kā stikla pilsēta un uzņēmējdarbībai draudzīgs novads.",
            ["Iedzīvotāju aptauja"],
        ),
    ],
    "coherence": [
        (
            "national",
            "Latvijas ilgtspējīgas attīstības stratēģija līdz 2030. gadam (Latvija 2030)",
            "Programma atbalsta ekonomikas un cilvēkkapitāla attīstības prioritātes.",
        ),
        (
            "national",
            "Nacionālais attīstības plāns 2021.–2027. gadam (NAP2027)",
            "Rīcības virzieni saskan ar NAP2027 prioritātēm „Uzņēmumu konkurētspēja un "
            "materiālā labklājība” un „Kvalitatīva dzīves vide un teritoriju attīstība”.",
        ),
        (
            "regional",
            "Latgales plānošanas reģiona attīstības programma 2021.–2027. gadam",
            "Programma ievēro reģiona specializāciju apstrādes rūpniecībā un tūrismā.",
        ),
        (
            "regional",
            "Latgales stratēģija 2030",
            "Līvāni kā reģionālas nozīmes centrs īsteno stratēģijas uzņēmējdarbības mērķus.",
        ),
    ],
    "swot": {
        "strength": [
            "Līvānu industriālais parks ar brīvām ražošanas telpām",
            "Izdevīgs novietojums pie dzelzceļa un autoceļa A6",
            "Stikla ražošanas un amatniecības mantojums",
            "Aktīva sabiedrība un nevalstiskās organizācijas",
        ],
        "weakness": [
            "Iedzīvotāju skaita samazināšanās",
            "Kvalificēta darbaspēka trūkums",
            "Sliktā stāvoklī esoši vietējie ceļi pagastos",
            "Mūsdienīgu īres mājokļu trūkums",
        ],
        "opportunity": [
            "ES fondu 2021.–2027. gada plānošanas periods",
            "Attālinātā darba iespējas jaunām ģimenēm",
            "Tūrisma attīstība Daugavas ielejā",
            "Sadarbība ar Daugavpils un Jēkabpils uzņēmējiem",
        ],
        "threat": [
            "Administratīvi teritoriālā reforma un funkciju pārdale",
            "Jauniešu aizplūšana uz lielajām pilsētām",
            "Būvniecības izmaksu kāpums",
            "Globālo tirgu svārstības eksportējošiem uzņēmumiem",
        ],
    },
    "priorities": [
        (
            "VTP1",
            "Uzņēmīga un konkurētspējīga ekonomika",
            "Investīciju piesaiste un uzņēmējdarbības atbalsts.",
            [
                (
                    "RV1.1",
                    "Industriālā parka attīstība",
                    "Ražošanas teritoriju infrastruktūra.",
                    [
                        (
                            "U1.1.1",
                            "Izbūvēt infrastruktūru industriālajā parkā",
                            [
                                (
                                    "R1.1.1.1",
                                    "Rūpnieciskās ēkas izbūve Rīgas ielā 77",
                                    "Būvniecības un saimniecības daļa",
                                    "Plānošanas un attīstības daļa",
                                    2019,
                                    2021,
                                    "ERAF, pašvaldības budžets",
                                    "1850000.00",
                                    "in_progress",
                                    60,
                                ),
                                (
                                    "R1.1.1.2",
                                    "Pievedceļa un inženiertīklu pārbūve",
                                    "Būvniecības un saimniecības daļa",
                                    "",
                                    2020,
                                    2021,
                                    "ERAF, pašvaldības budžets",
                                    "620000.00",
                                    "planned",
                                    10,
                                ),
                            ],
                        ),
                        (
                            "U1.1.2",
                            "Piesaistīt investorus",
                            [
                                (
                                    "R1.1.2.1",
                                    "Investoru piesaistes kampaņa un mājaslapa",
                                    "Plānošanas un attīstības daļa",
                                    "LIAA",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "30000.00",
                                    "in_progress",
                                    40,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I1.1.1",
                            "Rūpnieciskās ēkas izbūve industriālajā parkā",
                            "Būvniecības un saimniecības daļa",
                            "Izbūvēti 3 000 m² ražošanas telpu",
                            "U1.1.1",
                            {
                                (2019, "eu"): "400000.00",
                                (2019, "municipal"): "70000.00",
                                (2020, "eu"): "780000.00",
                                (2020, "municipal"): "140000.00",
                                (2021, "eu"): "390000.00",
                                (2021, "municipal"): "70000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV1.2",
                    "Atbalsts jaunajiem uzņēmējiem",
                    "Biznesa ideju konkursi un konsultācijas.",
                    [
                        (
                            "U1.2.1",
                            "Rīkot biznesa ideju konkursus",
                            [
                                (
                                    "R1.2.1.1",
                                    "Ikgadējs biznesa ideju konkurss „Līvāni var!”",
                                    "Plānošanas un attīstības daļa",
                                    "Uzņēmēju biedrība",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "70000.00",
                                    "in_progress",
                                    30,
                                ),
                            ],
                        ),
                        (
                            "U1.2.2",
                            "Nodrošināt uzņēmēju konsultācijas",
                            [
                                (
                                    "R1.2.2.1",
                                    "Uzņēmējdarbības konsultanta pakalpojums",
                                    "Plānošanas un attīstības daļa",
                                    "LIAA Preiļu birojs",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "42000.00",
                                    "in_progress",
                                    35,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
                (
                    "RV1.3",
                    "Tūrisms un radošās industrijas",
                    "Stikla mantojums un Daugavas ieleja.",
                    [
                        (
                            "U1.3.1",
                            "Attīstīt Latgales amatniecības un stikla centru",
                            [
                                (
                                    "R1.3.1.1",
                                    "Stikla centra ekspozīcijas atjaunošana",
                                    "Latgales amatniecības un stikla centrs",
                                    "",
                                    2020,
                                    2022,
                                    "ERAF, pašvaldības budžets",
                                    "350000.00",
                                    "planned",
                                    0,
                                ),
                            ],
                        ),
                        (
                            "U1.3.2",
                            "Izveidot tūrisma maršrutus Daugavas ielejā",
                            [
                                (
                                    "R1.3.2.1",
                                    "Laivu un velo maršrutu marķēšana",
                                    "Tūrisma informācijas centrs",
                                    "Kaimiņu novadi",
                                    2019,
                                    2020,
                                    "LEADER, pašvaldības budžets",
                                    "25000.00",
                                    "completed",
                                    100,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I1.3.1",
                            "Stikla centra ekspozīcijas atjaunošana",
                            "Latgales amatniecības un stikla centrs",
                            "Jauna interaktīva ekspozīcija",
                            "U1.3.1",
                            {
                                (2020, "eu"): "100000.00",
                                (2021, "eu"): "150000.00",
                                (2021, "municipal"): "50000.00",
                                (2022, "municipal"): "50000.00",
                            },
                        ),
                    ],
                ),
            ],
        ),
        (
            "VTP2",
            "Kvalitatīva dzīves vide ģimenēm",
            "Izglītība, veselība, sociālie pakalpojumi, kultūra un sports.",
            [
                (
                    "RV2.1",
                    "Izglītības kvalitāte",
                    "Mūsdienīga mācību vide.",
                    [
                        (
                            "U2.1.1",
                            "Modernizēt Līvānu 1. vidusskolas mācību vidi",
                            [
                                (
                                    "R2.1.1.1",
                                    "Mācību kabinetu aprīkojums un IT infrastruktūra",
                                    "Izglītības pārvalde",
                                    "",
                                    2019,
                                    2021,
                                    "ERAF, pašvaldības budžets",
                                    "480000.00",
                                    "in_progress",
                                    70,
                                ),
                            ],
                        ),
                        (
                            "U2.1.2",
                            "Paplašināt interešu izglītību",
                            [
                                (
                                    "R2.1.2.1",
                                    "STEM pulciņi Bērnu un jauniešu centrā",
                                    "Līvānu Bērnu un jauniešu centrs",
                                    "",
                                    2019,
                                    2025,
                                    "ESF, pašvaldības budžets",
                                    "60000.00",
                                    "in_progress",
                                    40,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I2.1.1",
                            "Līvānu 1. vidusskolas modernizācija",
                            "Izglītības pārvalde",
                            "Modernizēti 12 mācību kabineti",
                            "U2.1.1",
                            {
                                (2019, "eu"): "150000.00",
                                (2019, "municipal"): "30000.00",
                                (2020, "eu"): "180000.00",
                                (2020, "state"): "20000.00",
                                (2021, "municipal"): "100000.00",
                            },
                        ),
                    ],
                ),
                (
                    "RV2.2",
                    "Sociālie un veselības pakalpojumi",
                    "Pakalpojumi senioriem un cilvēkiem ar invaliditāti.",
                    [
                        (
                            "U2.2.1",
                            "Attīstīt sabiedrībā balstītus sociālos pakalpojumus",
                            [
                                (
                                    "R2.2.1.1",
                                    "Grupu dzīvokļu izveide",
                                    "Sociālais dienests",
                                    "Latgales plānošanas reģions",
                                    2019,
                                    2021,
                                    "ESF, ERAF",
                                    "290000.00",
                                    "in_progress",
                                    50,
                                ),
                                (
                                    "R2.2.1.2",
                                    "Aprūpes mājās pakalpojuma paplašināšana pagastos",
                                    "Sociālais dienests",
                                    "",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "120000.00",
                                    "in_progress",
                                    30,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
                (
                    "RV2.3",
                    "Kultūra un sports",
                    "Kultūras centra un sporta bāzu attīstība.",
                    [
                        (
                            "U2.3.1",
                            "Atjaunot sporta infrastruktūru",
                            [
                                (
                                    "R2.3.1.1",
                                    "Stadiona skrejceļu atjaunošana",
                                    "Sporta skola",
                                    "",
                                    2020,
                                    2020,
                                    "Pašvaldības budžets",
                                    "160000.00",
                                    "completed",
                                    100,
                                ),
                            ],
                        ),
                        (
                            "U2.3.2",
                            "Atbalstīt amatierkolektīvus",
                            [
                                (
                                    "R2.3.2.1",
                                    "Tērpu un inventāra iegāde kolektīviem",
                                    "Līvānu kultūras centrs",
                                    "",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "45000.00",
                                    "in_progress",
                                    45,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
            ],
        ),
        (
            "VTP3",
            "Sasniedzama un sakārtota teritorija",
            "Ceļi, mājokļi un komunālā infrastruktūra pilsētā un pagastos.",
            [
                (
                    "RV3.1",
                    "Ceļu un ielu infrastruktūra",
                    "Ceļu pārbūve un veloceliņi.",
                    [
                        (
                            "U3.1.1",
                            "Pārbūvēt pašvaldības ceļus pagastos",
                            [
                                (
                                    "R3.1.1.1",
                                    "Grantēto ceļu pārbūve Rožupes un Turku pagastā",
                                    "Būvniecības un saimniecības daļa",
                                    "",
                                    2019,
                                    2021,
                                    "ELFLA",
                                    "540000.00",
                                    "in_progress",
                                    65,
                                ),
                            ],
                        ),
                        (
                            "U3.1.2",
                            "Izbūvēt veloceliņus",
                            [
                                (
                                    "R3.1.2.1",
                                    "Veloceliņa Līvāni–Jersika izbūve",
                                    "Būvniecības un saimniecības daļa",
                                    "",
                                    2021,
                                    2023,
                                    "ERAF, pašvaldības budžets",
                                    "700000.00",
                                    "planned",
                                    0,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I3.1.1",
                            "Pašvaldības ceļu pārbūve pagastos",
                            "Būvniecības un saimniecības daļa",
                            "Pārbūvēti 9 km ceļu",
                            "U3.1.1",
                            {
                                (2019, "eu"): "160000.00",
                                (2019, "municipal"): "20000.00",
                                (2020, "eu"): "200000.00",
                                (2020, "municipal"): "30000.00",
                                (2021, "eu"): "110000.00",
                                (2021, "municipal"): "20000.00",
                            },
                        ),
                        (
                            "I3.1.2",
                            "Veloceliņš Līvāni–Jersika",
                            "Būvniecības un saimniecības daļa",
                            "Izbūvēti 6 km veloceliņa",
                            "U3.1.2",
                            {(2021, "eu"): "250000.00", (2021, "municipal"): "50000.00"},
                        ),
                    ],
                ),
                (
                    "RV3.2",
                    "Mājokļi speciālistiem",
                    "Īres mājokļu būvniecība.",
                    [
                        (
                            "U3.2.1",
                            "Būvēt īres namu speciālistiem",
                            [
                                (
                                    "R3.2.1.1",
                                    "Daudzdzīvokļu īres nama projektēšana un būvniecība",
                                    "Būvniecības un saimniecības daļa",
                                    "Privātais investors",
                                    2020,
                                    2023,
                                    "Pašvaldības budžets, privātie līdzekļi",
                                    "1200000.00",
                                    "planned",
                                    5,
                                ),
                            ],
                        ),
                    ],
                    [
                        (
                            "I3.2.1",
                            "Īres nams speciālistiem",
                            "Būvniecības un saimniecības daļa",
                            "24 īres dzīvokļi",
                            "U3.2.1",
                            {
                                (2020, "municipal"): "60000.00",
                                (2021, "municipal"): "300000.00",
                                (2021, "private"): "400000.00",
                            },
                        ),
                    ],
                ),
            ],
        ),
        (
            "VTP4",
            "Atvērta un efektīva pārvaldība",
            "Sabiedrības līdzdalība un pakalpojumu pieejamība.",
            [
                (
                    "RV4.1",
                    "Sabiedrības līdzdalība",
                    "Iedzīvotāju iniciatīvas un darba grupas.",
                    [
                        (
                            "U4.1.1",
                            "Atbalstīt iedzīvotāju iniciatīvu projektus",
                            [
                                (
                                    "R4.1.1.1",
                                    "Iedzīvotāju iniciatīvu projektu konkurss",
                                    "Plānošanas un attīstības daļa",
                                    "NVO",
                                    2019,
                                    2025,
                                    "Pašvaldības budžets",
                                    "70000.00",
                                    "in_progress",
                                    45,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
                (
                    "RV4.2",
                    "E-pakalpojumi un pārvaldes kapacitāte",
                    "Klientu apkalpošanas centrs un e-pakalpojumi.",
                    [
                        (
                            "U4.2.1",
                            "Izveidot valsts un pašvaldības vienoto klientu apkalpošanas centru",
                            [
                                (
                                    "R4.2.1.1",
                                    "Klientu apkalpošanas centra darbības nodrošināšana",
                                    "Līvānu novada dome",
                                    "VARAM",
                                    2019,
                                    2025,
                                    "Valsts budžets",
                                    "90000.00",
                                    "in_progress",
                                    50,
                                ),
                            ],
                        ),
                    ],
                    [],
                ),
            ],
        ),
    ],
    "indicators": [
        (
            "R1",
            "Iedzīvotāju skaits",
            "iedz.",
            "VTP2",
            2018,
            "11364",
            2025,
            "10500",
            "CSP",
            {2019: "11110", 2020: "10888", 2021: "10690"},
        ),
        (
            "R2",
            "Bezdarba līmenis",
            "%",
            "VTP1",
            2018,
            "9.8",
            2025,
            "6.5",
            "NVA",
            {2019: "9.1", 2020: "10.2", 2021: "8.6"},
        ),
        (
            "R3",
            "Darba vietu skaits industriālajā parkā",
            "skaits",
            "VTP1",
            2018,
            "720",
            2025,
            "950",
            "Plānošanas un attīstības daļa",
            {2019: "745", 2020: "790", 2021: "830"},
        ),
        (
            "R4",
            "Apmeklētāju skaits stikla centrā",
            "personas",
            "VTP1",
            2018,
            "14000",
            2025,
            "22000",
            "Latgales amatniecības un stikla centrs",
            {2019: "15300", 2020: "9800", 2021: "12400"},
        ),
        (
            "R5",
            "Pārbūvēto ceļu garums",
            "km",
            "VTP3",
            2018,
            "0",
            2025,
            "30",
            "Būvniecības un saimniecības daļa",
            {2019: "4", 2020: "9", 2021: "13"},
        ),
        (
            "R6",
            "Sabiedrībā balstītu sociālo pakalpojumu saņēmēji",
            "personas",
            "VTP2",
            2018,
            "120",
            2025,
            "200",
            "Sociālais dienests",
            {2019: "135", 2020: "150", 2021: "162"},
        ),
        (
            "R7",
            "Iedzīvotāju iniciatīvu projektu skaits gadā",
            "skaits",
            "VTP4",
            2018,
            "8",
            2025,
            "15",
            "Plānošanas un attīstības daļa",
            {2019: "10", 2020: "11", 2021: "13"},
        ),
    ],
}

LIVANI_STEERING_GROUP = {
    "order_number": "1-12/38",
    "order_date": (2017, 12, 11),
    "purpose": (
        "Vadīt integrētās attīstības programmas izstrādi, izvērtēt darba grupu priekšlikumus "
        "un sagatavot programmas redakcijas iesniegšanai domē."
    ),
    "members": [
        ("Andris Vaivods", "Domes priekšsēdētāja vietnieks", "Līvānu novada dome", "chair"),
        (
            "Iveta Dobeļe",
            "Plānošanas un attīstības daļas vadītājas vietniece",
            "Līvānu novada dome",
            "secretary",
        ),
        (
            "Sandra Kraule",
            "Plānošanas un attīstības daļas vadītāja",
            "Līvānu novada dome",
            "deputy",
        ),
        (
            "Jānis Skrimblis",
            "Būvniecības un saimniecības daļas vadītājs",
            "Līvānu novada dome",
            "member",
        ),
        ("Ināra Bērziņa", "Izglītības pārvaldes vadītāja", "Līvānu novada dome", "member"),
        (
            "Ritvars Upenieks",
            "Uzņēmēju biedrības valdes loceklis",
            "Līvānu uzņēmēju biedrība",
            "member",
        ),
    ],
    "meetings": [
        (
            1,
            (2018, 1, 16),
            "Līvānu novada dome, Rīgas ielā 77",
            "Programmas izstrādes darba plāns un sabiedrības līdzdalības pasākumi.",
            "Apstiprināts darba grupu grafiks martā un aptauju anketas.",
        ),
        (
            2,
            (2018, 4, 24),
            "Līvānu novada dome",
            "13 darba grupu (7 tematisko, 6 teritoriālo) priekšlikumu izvērtēšana.",
            "Priekšlikumi iekļauti vīzijā, prioritātēs un SVID analīzē.",
        ),
        (
            3,
            (2018, 5, 22),
            "Līvānu novada dome",
            "Iedzīvotāju, uzņēmēju, kaimiņu pašvaldību un speciālistu aptauju rezultāti.",
            "Precizēti rīcības virzieni.",
        ),
        (
            4,
            (2018, 8, 21),
            "Līvānu novada dome",
            "1. redakcijas nodošana sabiedriskajai apspriešanai.",
            "Ieteikt domei nodot 1. redakciju apspriešanai no 3. septembra.",
        ),
        (
            5,
            (2018, 10, 23),
            "Līvānu novada dome",
            "Sabiedriskās apspriešanas priekšlikumu izvērtēšana un 2. redakcijas sagatavošana.",
            "Priekšlikumu atbildes apstiprinātas; sagatavot 2. redakciju.",
        ),
        (
            6,
            (2019, 10, 15),
            "Līvānu novada dome",
            "2. redakcijas sabiedriskās apspriešanas rezultāti.",
            "2. redakciju ieteikt apstiprināšanai domē.",
        ),
    ],
}
