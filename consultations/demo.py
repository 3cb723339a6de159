"""Demo consultations from the seeds: Līvāni working groups and surveys (seed 001),
a closed public discussion of Līvāni's 1st redaction, Daugavpils' thematic seminars and
surveys of autumn 2012, whose results the situation analysis held when the steering group
first met in December 2012 (seed 000), the Poznań conference (seed 004) and an open public
discussion.

`load()` is idempotent: rows are found by natural keys (names, titles, slugs, numbers).

Dates: everything from the seeds keeps its real date. The Daugavpils discussion must be
open whenever the demo is looked at, so its dates are relative to the time of loading:
it opened a week before and closes four weeks after `load()` runs; running `load_demo`
again moves the period forward (and the proposals' receipt times with it).
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from core.upsert import upsert
from programmes.models import (
    ActionLine,
    DevelopmentProgramme,
    Priority,
    Redaction,
    SituationSection,
    Task,
)

from .models import (
    Event,
    Proposal,
    PublicDiscussion,
    Sector,
    Survey,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupProposal,
)

RIGA = ZoneInfo("Europe/Riga")
LIVANI_COUNCIL = "Līvānu novada dome, Rīgas iela 77, Līvāni"
DAUGAVPILS_COUNCIL = "Daugavpils pilsētas dome, Krišjāņa Valdemāra iela 1, Daugavpils"

Answer = Proposal.Answer


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=RIGA)


# name, sector, date, participants, sectors represented, proposals (text, outcome)
LIVANI_THEMATIC = [
    (
        "Uzņēmējdarbības darba grupa",
        Sector.ENTREPRENEURS,
        datetime.date(2018, 3, 19),
        18,
        "ražotāji industriālajā parkā, tirgotāji, lauksaimnieki, amatnieki",
        [
            ("Paplašināt industriālā parka inženierinfrastruktūru jauniem ražotājiem.", "RV1.1"),
            (
                "Trūkst kvalificēta darbaspēka: sasaistīt arodizglītību ar uzņēmēju vajadzībām.",
                "SVID",
            ),
        ],
    ),
    (
        "Nevalstisko organizāciju un iedzīvotāju iniciatīvu darba grupa",
        Sector.NGO,
        datetime.date(2018, 3, 19),
        11,
        "biedrības, iedzīvotāju iniciatīvu grupas, senioru un jauniešu organizācijas",
        [("Ieviest līdzdalības budžetu iedzīvotāju iniciatīvām.", "RV4.1")],
    ),
    (
        "Kultūras, mākslas, sporta un tūrisma darba grupa",
        Sector.CULTURE,
        datetime.date(2018, 3, 19),
        13,
        "kultūras nami, bibliotēkas, sporta skola, Latgales amatniecības un stikla centrs",
        [
            ("Veidot Līvānu stikla mantojumu par novada tūrisma zīmolu.", "vīzija, RV1.3"),
            ("Sakārtot sporta infrastruktūru pagastos.", "RV2.3"),
        ],
    ),
    (
        "Izglītības un jaunatnes darba grupa",
        Sector.EDUCATION,
        datetime.date(2018, 3, 19),
        12,
        "skolu direktori, pirmsskolas iestādes, Bērnu un jauniešu centrs",
        [("Modernizēt vidusskolu mācību vidi un STEM priekšmetu kabinetus.", "RV2.1")],
    ),
    (
        "Veselības aprūpes un sociālo pakalpojumu darba grupa",
        Sector.HEALTH_SOCIAL,
        datetime.date(2018, 3, 20),
        10,
        "Līvānu slimnīca, ģimenes ārsti, sociālais dienests, aprūpes centrs",
        [("Attīstīt sabiedrībā balstītus sociālos pakalpojumus un dienas centrus.", "RV2.2")],
    ),
    (
        "Valsts iestāžu darba grupa",
        Sector.STATE,
        datetime.date(2018, 3, 20),
        8,
        "NVA, VID, Valsts policija, Valsts ugunsdzēsības un glābšanas dienests",
        [("Sadarboties bezdarbnieku pārkvalifikācijā atbilstoši uzņēmēju vajadzībām.", "SVID")],
    ),
    (
        "Novada domes daļu vadītāju darba grupa",
        Sector.ADMINISTRATION,
        datetime.date(2018, 3, 20),
        9,
        "domes daļu un iestāžu vadītāji",
        [("Paplašināt e-pakalpojumus un vienas pieturas aģentūras darbu.", "RV4.2")],
    ),
]

# territory, date, participants, place, proposals (text, outcome)
LIVANI_TERRITORIAL = [
    (
        "Jersikas pagasts",
        datetime.date(2018, 3, 26),
        9,
        "Jersikas pagasta pārvalde",
        [("Atjaunot Jersikas pilskalna apkārtni kā tūrisma objektu.", "RV1.3")],
    ),
    (
        "Rožupes pagasts",
        datetime.date(2018, 3, 26),
        10,
        "Rožupes pagasta pārvalde",
        [("Uzlabot grants ceļu uzturēšanu un skolēnu pārvadājumus.", "RV3.1")],
    ),
    (
        "Turku pagasts",
        datetime.date(2018, 3, 26),
        9,
        "Turku pagasta pārvalde",
        [("Saglabāt pakalpojumu punktu pagasta centrā.", "RV4.2")],
    ),
    (
        "Rudzātu pagasts",
        datetime.date(2018, 3, 27),
        11,
        "Rudzātu pagasta pārvalde",
        [("Atbalstīt mazos lauku uzņēmējus un vietējo produktu tirgu.", "RV1.2")],
    ),
    (
        "Sutru pagasts",
        datetime.date(2018, 3, 27),
        8,
        "Sutru pagasta pārvalde",
        [("Ierīkot bērnu rotaļu laukumu un sakārtot kultūras namu.", "RV2.3")],
    ),
    (
        "Līvānu pilsēta",
        datetime.date(2018, 3, 27),
        14,
        LIVANI_COUNCIL,
        [
            ("Būvēt mājokļus jaunajiem speciālistiem.", "RV3.2"),
            ("Sakārtot Daugavas krastmalu pilsētas centrā.", "vīzija"),
        ],
    ),
]

LIVANI_SURVEYS = [
    (
        "Līvānu novada iedzīvotāju aptauja",
        Survey.Audience.RESIDENTS,
        datetime.date(2018, 3, 1),
        datetime.date(2018, 4, 15),
        412,
        # Seed 001: the survey closed on 15 April and its results are being compiled.
        "Aptauja noslēdzās 15. aprīlī; rezultāti tiek apkopoti.",
    ),
    (
        "Līvānu novada uzņēmēju aptauja",
        Survey.Audience.ENTREPRENEURS,
        datetime.date(2018, 3, 1),
        datetime.date(2018, 4, 15),
        46,
        "Rezultāti tiek apkopoti.",
    ),
    (
        "Blakus esošo pašvaldību aptauja",
        Survey.Audience.NEIGHBOURS,
        datetime.date(2018, 3, 15),
        datetime.date(2018, 4, 20),
        5,
        "Rezultāti tiek apkopoti.",
    ),
    (
        "Speciālistu aptauja",
        Survey.Audience.SPECIALISTS,
        datetime.date(2018, 3, 15),
        datetime.date(2018, 4, 20),
        27,
        "Rezultāti tiek apkopoti.",
    ),
]

# number, (model, code) of the part, text, name, channel, answer, justification, published
LIVANI_PROPOSALS = [
    (
        1,
        (Priority, "VTP1"),
        "Prioritātē jāuzsver arī mazo uzņēmumu un pašnodarbināto atbalsts, ne tikai "
        "industriālais parks.",
        "Jānis Kalniņš",
        Proposal.Channel.WEB,
        Answer.TAKEN,
        "Prioritātes aprakstā papildināts atbalsts mazajiem uzņēmumiem un pašnodarbinātajiem.",
        True,
    ),
    (
        2,
        (ActionLine, "RV1.3"),
        "Tūrisma rīcības virzienā iekļaut velomaršrutu gar Daugavu no Līvāniem līdz Jersikai.",
        "Inese Ozola",
        Proposal.Channel.WEB,
        Answer.PARTLY,
        "Velomaršruta izpēte iekļauta rīcības plānā; būvniecība atkarīga no finansējuma, "
        "tāpēc investīciju plānā tā netiek iekļauta.",
        True,
    ),
    (
        3,
        (Task, "U2.1.1"),
        "Līdzekļus skolu modernizācijai novirzīt pagastu skolām, nevis Līvānu 1. vidusskolai.",
        "Andris Vanags",
        Proposal.Channel.PAPER,
        Answer.NOT_TAKEN,
        "Uzdevums U2.1.1 un tā investīcija I2.1.1 paredzēti tieši Līvānu 1. vidusskolas "
        "mācību videi; pagastu skolu skolēniem papildu iespējas dod uzdevums U2.1.2 "
        "„Paplašināt interešu izglītību” (STEM pulciņi Līvānu Bērnu un jauniešu centrā).",
        True,
    ),
    (
        4,
        (SituationSection, "Iedzīvotāji"),
        "Lūdzu nomainīt ielu apgaismojumu manā ielā, tas nedeg jau mēnesi.",
        "Pēteris Liepa",
        Proposal.Channel.EMAIL,
        Answer.NOT_RELEVANT,
        "Priekšlikums neattiecas uz attīstības programmu; tas nodots Komunālās saimniecības "
        "daļai izpildei.",
        True,
    ),
    (
        5,
        (None, None),
        "Programmā trūkst konkrētu rādītāju, pēc kuriem novērtēt, vai mērķi sasniegti.",
        "Biedrība „Līvānu attīstībai”",
        Proposal.Channel.WEB,
        Answer.TAKEN,
        "Programma papildināta ar rādītāju sadaļu ar bāzes un mērķa vērtībām.",
        True,
    ),
    (
        6,
        (ActionLine, "RV3.1"),
        "Rožupes pagasta grants ceļus pārbūvēt ar melno segumu līdz 2022. gadam.",
        "Rožupes iedzīvotāju iniciatīvas grupa",
        Proposal.Channel.MEETING,
        Answer.PARTLY,
        "Ceļu pārbūve iekļauta investīciju plānā pakāpeniski, sākot ar skolēnu autobusa "
        "maršrutiem.",
        True,
    ),
    (
        7,
        (None, None),
        "Aizskarošs teksts par konkrētu pašvaldības darbinieku ar viņa tālruņa numuru.",
        "Anonīms",
        Proposal.Channel.WEB,
        Answer.NOT_RELEVANT,
        "Priekšlikums neattiecas uz programmu.",
        False,
    ),
]

DAUGAVPILS_PROPOSALS = [
    (
        1,
        (ActionLine, "RV1.2"),
        "Daugavpils cietoksnī vajadzīgs tūrisma informācijas centrs un velonoma.",
        "Olga Petrova",
        "olga.petrova@example.lv",
        Answer.PARTLY,
        "Tūrisma informācijas punkts cietoksnī iekļauts uzdevumā U1.2.1; velonomu "
        "pašvaldība atbalstīs kā privātu iniciatīvu.",
    ),
    (
        2,
        (Task, "U2.1.1"),
        "Skolu modernizācijā paredzēt arī sporta zāļu atjaunošanu.",
        "Māris Bērziņš",
        "maris.berzins@example.lv",
        "",
        "",
    ),
    (
        3,
        (Priority, "VTP3"),
        "Sabiedriskā transporta maršrutus pielāgot jaunajiem dzīvojamajiem rajoniem.",
        "Aleksandrs Ivanovs",
        "aleksandrs.ivanovs@example.lv",
        "",
        "",
    ),
    (
        4,
        (SituationSection, "Iedzīvotāji"),
        "Iedzīvotāju analīzē iekļaut arī emigrācijas datus pa vecuma grupām.",
        "Daugavpils Universitātes studenti",
        "studenti@example.lv",
        Answer.TAKEN,
        "Nodaļa papildināta ar PMLP datiem par izbraukušajiem pa vecuma grupām.",
    ),
]


@transaction.atomic
def load():
    livani = _programme("livani", "iap-2019-2025")
    if livani:
        _livani(livani)
    daugavpils = _programme("daugavpils", "ap-2014-2020")
    if daugavpils:
        _daugavpils(daugavpils)


def _programme(municipality, slug):
    return (
        DevelopmentProgramme.objects.select_related("municipality")
        .filter(municipality__slug=municipality, slug=slug)
        .first()
    )


def _part(redaction, model, code):
    """The part of a redaction by code (or a section by title); None if it isn't there."""
    if model is None:
        return None
    if model is SituationSection:
        return SituationSection.objects.filter(redaction=redaction, title=code).first()
    path = model.redaction_path
    return model.objects.filter(**{path: redaction, "code": code}).first()


def _part_fields(part):
    fields = {name: None for name in Proposal.PART_FIELDS}
    names = {SituationSection: "section", Priority: "priority", ActionLine: "action_line"}
    if part is not None:
        fields[names.get(type(part), "task")] = part
    return fields


def _group(programme, kind, name, position, **fields):
    group, _created = upsert(
        WorkingGroup,
        programme=programme,
        name=name,
        defaults={"kind": kind, "position": position, **fields},
    )
    return group


def _meeting(group, date, participants, place, sectors):
    # Each demo group meets once: a meeting whose date the demo has since corrected goes.
    group.meetings.exclude(date=date).delete()
    upsert(
        WorkingGroupMeeting,
        group=group,
        date=date,
        defaults={
            "participant_count": participants,
            "place": place,
            "sectors_represented": sectors,
        },
    )


def _given(group, proposals):
    for position, (text, outcome) in enumerate(proposals, start=1):
        upsert(
            WorkingGroupProposal,
            group=group,
            position=position,
            defaults={"text": text, "outcome": outcome},
        )


def _event(municipality, title, starts_at, ends_at, **fields):
    upsert(
        Event,
        municipality=municipality,
        title=title,
        defaults={"starts_at": starts_at, "ends_at": ends_at, **fields},
    )


def _survey(programme, title, audience, opens_on, closes_on, respondents, results):
    upsert(
        Survey,
        programme=programme,
        title=title,
        defaults={
            "audience": audience,
            "opens_on": opens_on,
            "closes_on": closes_on,
            "respondent_count": respondents,
            "results": results,
        },
    )


def _livani(programme):
    municipality = programme.municipality
    for position, (name, sector, date, count, sectors, given) in enumerate(
        LIVANI_THEMATIC, start=1
    ):
        group = _group(programme, WorkingGroup.Kind.THEMATIC, name, position, sector=sector)
        _meeting(group, date, count, LIVANI_COUNCIL, sectors)
        _given(group, given)
    for position, (territory, date, count, place, given) in enumerate(LIVANI_TERRITORIAL, start=1):
        group = _group(
            programme,
            WorkingGroup.Kind.TERRITORIAL,
            f"{territory}: teritoriālā darba grupa",
            position,
            territory=territory,
        )
        # Seed 001: the parish management and representatives of various sectors; the town
        # has no parish administration of its own, the council runs it.
        management = "novada domes" if territory.endswith("pilsēta") else "pagasta"
        _meeting(group, date, count, place, f"{management} vadība un dažādu nozaru pārstāvji")
        _given(group, given)

    sessions = {}
    for _name, _sector, date, count, _sectors, _given_list in LIVANI_THEMATIC:
        sessions.setdefault(("thematic", date), 0)
        sessions[("thematic", date)] += count
    for _territory, date, count, _place, _given_list in LIVANI_TERRITORIAL:
        sessions.setdefault(("territorial", date), 0)
        sessions[("territorial", date)] += count
    for (kind, date), count in sessions.items():
        label = "Tematiskās darba grupas" if kind == "thematic" else "Teritoriālās darba grupas"
        _event(
            municipality,
            f"{label}, {date:%d.%m.%Y}",
            at(date.year, date.month, date.day, 10),
            at(date.year, date.month, date.day, 16),
            programme=programme,
            kind=Event.Kind.WORKING_GROUP,
            place=LIVANI_COUNCIL if kind == "thematic" else "Līvānu novada pagastu pārvaldes",
            participant_count=count,
            summary="Līvānu novada IAP 2019–2025 izstrādes darba grupas: novada un katra pagasta "
            "esošās situācijas izvērtējums un priekšlikumi novada attīstībai.",
        )

    for survey in LIVANI_SURVEYS:
        _survey(programme, *survey)

    redaction = Redaction.objects.filter(programme=programme, number=1).first()
    if redaction is None:
        return
    discussion, _created = upsert(
        PublicDiscussion,
        slug="livani-iap-2019-2025-1",
        defaults={
            "redaction": redaction,
            "opens_at": at(2018, 9, 3, 9),
            "closes_at": at(2018, 10, 5, 17),
            "introduction": "Līvānu novada dome aicina iedzīvotājus, uzņēmējus un "
            "organizācijas iepazīties ar Līvānu novada integrētās attīstības programmas "
            "2019.–2025. gadam 1. redakciju un izteikt priekšlikumus.",
            "materials_places": "Līvānu novada domē, Rīgas ielā 77, Līvānos (darba dienās "
            "8.00–17.00)\nVisās pagastu pārvaldēs\nLīvānu novada Centrālajā bibliotēkā",
            "materials_url": "https://www.livani.lv/",
            "how_to_submit": "Rakstiski Līvānu novada domē vai pagastu pārvaldēs, pa e-pastu "
            "dome@livani.lv vai šajā portālā.",
            # No counts typed here: the report counts the published proposals itself.
            "report_summary": "Programmas 2. redakcija sagatavota, ņemot vērā atbalstītos "
            "priekšlikumus.",
        },
    )
    _event(
        municipality,
        "IAP 2019–2025 1. redakcijas sabiedriskās apspriešanas sanāksme",
        at(2018, 9, 18, 17),
        at(2018, 9, 18, 19),
        programme=programme,
        kind=Event.Kind.DISCUSSION_MEETING,
        place=LIVANI_COUNCIL,
        participant_count=35,
        summary="Programmas 1. redakcijas prezentācija un iedzīvotāju priekšlikumi.",
    )
    for number, (model, code), text, name, channel, answer, why, published in LIVANI_PROPOSALS:
        received = at(2018, 9, 3 + number * 3, 12)
        upsert(
            Proposal,
            discussion=discussion,
            number=number,
            defaults={
                "text": text,
                "author_name": name,
                "email": "",
                "channel": channel,
                "received_at": received,
                "consent_at": received if channel == Proposal.Channel.WEB else None,
                "answer": answer,
                "justification": why,
                "answered_at": at(2018, 10, 25, 12),
                "answer_notified_at": at(2018, 10, 25, 12),
                "is_published": published,
                "hidden_reason": "" if published else "Aizskarošs saturs un personas dati.",
                **_part_fields(_part(redaction, model, code)),
            },
        )


def _daugavpils(programme):
    municipality = programme.municipality
    seminars = [
        ("Ekonomikas un uzņēmējdarbības tematiskā darba grupa", Sector.ENTREPRENEURS, 22),
        ("Izglītības un kultūras tematiskā darba grupa", Sector.EDUCATION, 19),
        ("Sociālās jomas un veselības tematiskā darba grupa", Sector.HEALTH_SOCIAL, 16),
    ]
    # Seed 000: the situation analysis the steering group reviewed at its first meeting
    # (December 2012) already held the surveys' and these seminars' results: autumn 2012.
    for position, (name, sector, count) in enumerate(seminars, start=1):
        group = _group(programme, WorkingGroup.Kind.THEMATIC, name, position, sector=sector)
        date = datetime.date(2012, 10, 22 + position)
        _meeting(group, date, count, DAUGAVPILS_COUNCIL, "nozares speciālisti un eksperti")
        _event(
            municipality,
            f"Seminārs: {name}",
            at(date.year, date.month, date.day, 10),
            at(date.year, date.month, date.day, 14),
            programme=programme,
            kind=Event.Kind.SEMINAR,
            place=DAUGAVPILS_COUNCIL,
            participant_count=count,
            summary="Tematiskās darba grupas seminārs AP 2014.–2020. gadam pašreizējās "
            "situācijas analīzei (SIA „Baltijas Konsultācijas”).",
        )
    _survey(
        programme,
        "Daugavpils iedzīvotāju aptauja",
        Survey.Audience.RESIDENTS,
        datetime.date(2012, 9, 10),
        datetime.date(2012, 10, 12),
        604,
        "Aptaujas rezultāti izmantoti pašreizējās situācijas analīzē.",
    )
    _survey(
        programme,
        "Daugavpils uzņēmēju aptauja",
        Survey.Audience.ENTREPRENEURS,
        datetime.date(2012, 9, 10),
        datetime.date(2012, 10, 12),
        83,
        "Aptaujas rezultāti izmantoti pašreizējās situācijas analīzē.",
    )
    _event(
        municipality,
        "Starptautiskā konference „Cities of change” Poznaņā",
        at(2013, 11, 13, 9),
        at(2013, 11, 14, 17),
        kind=Event.Kind.CONFERENCE,
        place="Poznaņa, Polija",
        summary="Daugavpils pilsētas dome prezentēja pieredzi publisko konsultāciju jomā: "
        "„Publiskās konsultācijas – veids kā būt tuvāk pilsētas iedzīvotājiem”.",
    )

    redaction = Redaction.objects.filter(programme=programme, number=1).first()
    if redaction is None:
        return
    now = timezone.now().astimezone(RIGA)
    opens_at = (now - datetime.timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    closes_at = (now + datetime.timedelta(days=28)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    discussion, _created = upsert(
        PublicDiscussion,
        slug="daugavpils-ap-2014-2020-1",
        defaults={
            "redaction": redaction,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "introduction": "Daugavpils pilsētas dome aicina iepazīties ar Daugavpils pilsētas "
            "attīstības programmas 2014.–2020. gadam 1. redakciju un iesniegt priekšlikumus.",
            "materials_places": "Daugavpils pilsētas domē, Krišjāņa Valdemāra ielā 1, "
            "Attīstības departamentā (darba dienās 9.00–17.00)\nLatgales Centrālajā bibliotēkā",
            "materials_url": "https://www.daugavpils.lv/",
            "how_to_submit": "Rakstiski Daugavpils pilsētas domē, pa e-pastu "
            "attistiba@daugavpils.lv vai šajā portālā.",
        },
    )
    meeting_day = (now + datetime.timedelta(days=10)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    _event(
        municipality,
        "AP 2014–2020 1. redakcijas sabiedriskās apspriešanas sanāksme",
        meeting_day,
        meeting_day + datetime.timedelta(hours=2),
        programme=programme,
        kind=Event.Kind.DISCUSSION_MEETING,
        place=DAUGAVPILS_COUNCIL,
        summary="Attīstības programmas 1. redakcijas prezentācija un diskusija.",
    )
    for number, (model, code), text, name, email, answer, why in DAUGAVPILS_PROPOSALS:
        received = opens_at + datetime.timedelta(days=number, hours=3)
        upsert(
            Proposal,
            discussion=discussion,
            number=number,
            defaults={
                "text": text,
                "author_name": name,
                "email": email,
                "channel": Proposal.Channel.WEB,
                "received_at": received,
                "consent_at": received,
                "language": "lv",
                "answer": answer,
                "justification": why,
                "answered_at": received + datetime.timedelta(days=2) if answer else None,
                "answer_notified_at": received + datetime.timedelta(days=2) if answer else None,
                **_part_fields(_part(redaction, model, code)),
            },
        )
