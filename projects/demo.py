"""Demo projects from the seed documents 000, 002, 003 and 004.

Idempotent: funding programmes, organisations, projects, partnerships, activities and the
council decision are found by natural keys and updated in place, so a second run doubles
nothing. Only what the seeds say is presented as fact: where a seed gives a partner only by
its country ("Cities of change"), the partner is labelled by that country, not given an
invented name, and the project's public notes say so.
"""

import datetime
import io
import math
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from core.upsert import upsert
from programmes.models import ActionLine, DevelopmentProgramme, Municipality

from .models import Activity, CouncilDecision, FundingProgramme, Organisation, Partnership, Project

ESF_STATEMENT = (
    "Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu."
)
EFC_STATEMENT = "Projekts tiek īstenots ar Eiropas Komisijas finansiālu atbalstu."

FUNDING_PROGRAMMES = {
    "esf-1.5.2.2.3": {
        "fund": FundingProgramme.Fund.ESF,
        "name": "ESF 1.5.2.2.3. apakšaktivitāte",
        "operational_programme": "Darbības programma „Cilvēkresursi un nodarbinātība” (2007–2013)",
        "measure": "1.5. prioritāte „Administratīvās kapacitātes stiprināšana”",
        "sub_activity": (
            "1.5.2.2.3. apakšaktivitāte „Atbalsts pašvaldību kapacitātes stiprināšanai Eiropas "
            "Savienības politiku instrumentu un pārējās ārvalstu finanšu palīdzības "
            "līdzfinansēto projektu un pasākumu īstenošanai”"
        ),
        "publicity_statement": ESF_STATEMENT,
    },
    "esf-1.5.3.2": {
        "fund": FundingProgramme.Fund.ESF,
        "name": "ESF 1.5.3.2. aktivitāte",
        "operational_programme": "Darbības programma „Cilvēkresursi un nodarbinātība” (2007–2013)",
        "measure": "1.5. prioritāte „Administratīvās kapacitātes stiprināšana”",
        "sub_activity": (
            "1.5.3.2. aktivitāte „Plānošanas reģionu un vietējo pašvaldību attīstības "
            "plānošanas kapacitātes paaugstināšana”"
        ),
        "publicity_statement": ESF_STATEMENT,
    },
    # Seed 004: "1.aktivitātes „Aktīvi iedzīvotāji Eiropai” 1.2.apakšaktivitātes"; the
    # sub-activity's name as the council decision (seed 003) gives it.
    "efc-1.2": {
        "fund": FundingProgramme.Fund.EUROPE_FOR_CITIZENS,
        "name": "Programma „Eiropa pilsoņiem” (2007–2013)",
        "operational_programme": "Programma „Eiropa pilsoņiem” (2007–2013)",
        "measure": "1. aktivitāte „Aktīvi iedzīvotāji Eiropai”",
        "sub_activity": "1.2. apakšaktivitāte „Sadraudzības pilsētu tematiskais tīklojums”",
        "publicity_statement": EFC_STATEMENT,
    },
}

# name, English name, country, city, role. Seed 003 names the lead partner (Poznań) and
# Daugavpils and gives the other partners by country only: Italy (3), Ireland, the
# Netherlands (2), Lithuania, Spain, France, the United Kingdom, Germany, Romania. Seed 004
# names The Hague and Klaipėda among them. The rest are labelled by their country.
DAUGAVPILS_COUNCIL = ("Daugavpils pilsētas dome", "Daugavpils City Council", "LV", "Daugavpils")


def _by_country(country_lv, country_en, code, number=None):
    """A partner the seeds give only by its country: "Partnerpašvaldība (Itālija)"."""
    suffix_lv = f" Nr. {number}" if number else ""
    suffix_en = f" No. {number}" if number else ""
    return (
        f"Partnerpašvaldība{suffix_lv} ({country_lv})",
        f"Partner municipality{suffix_en} ({country_en})",
        code,
        "",
        "partner",
    )


CITIES_OF_CHANGE_PARTNERS = [
    ("Poznaņas pašvaldība", "City of Poznań", "PL", "Poznań", "lead"),
    (*DAUGAVPILS_COUNCIL, "partner"),
    ("Hāgas pašvaldība", "Municipality of The Hague", "NL", "Den Haag", "partner"),
    ("Klaipēdas pašvaldība", "Klaipėda Municipality", "LT", "Klaipėda", "partner"),
    _by_country("Itālija", "Italy", "IT", 1),
    _by_country("Itālija", "Italy", "IT", 2),
    _by_country("Itālija", "Italy", "IT", 3),
    _by_country("Īrija", "Ireland", "IE"),
    _by_country("Nīderlande", "the Netherlands", "NL"),
    _by_country("Spānija", "Spain", "ES"),
    _by_country("Francija", "France", "FR"),
    _by_country("Lielbritānija", "the United Kingdom", "GB"),
    _by_country("Vācija", "Germany", "DE"),
    _by_country("Rumānija", "Romania", "RO"),
]
# Partner names earlier versions of this demo made up; removed where a database has them.
INVENTED_PARTNERS = [
    ("Boloņas pašvaldība", "IT"),
    ("Padujas pašvaldība", "IT"),
    ("Asīzes pašvaldība", "IT"),
    ("Korkas pilsētas padome", "IE"),
    ("Asenes pašvaldība", "NL"),
    ("Klaipēdas pilsētas pašvaldība", "LT"),
    ("Bilbao pašvaldība", "ES"),
    ("Renas pašvaldība", "FR"),
    ("Notingemas pilsētas padome", "GB"),
    ("Hannoveres pašvaldība", "DE"),
    ("Brašovas pašvaldība", "RO"),
]

ESF_CAPACITY_TITLE = (
    "Daugavpils pašvaldības kapacitātes stiprināšana Eiropas Savienības politiku instrumentu "
    "un pārējās ārvalstu finanšu palīdzības līdzfinansēto projektu un pasākumu īstenošanai"
)
PLANNING_TITLE = "Daugavpils pilsētas pašvaldības attīstības plānošanas kapacitātes paaugstināšana"
CITIES_TITLE = "Pilsētu sadarbība teritorijas attīstības jomā – pārmaiņu pilsētas"

LVL_PER_EUR = Decimal("0.702804")
# Seed 002 gives the ESF capacity project's start (1 April 2012) but no end; this planned
# end is illustrative (see the project's notes and the README), not a fact of the seed.
ESF_CAPACITY_ILLUSTRATIVE_END = datetime.date(2013, 12, 31)


def emblem_png():
    """A simple EU flag: twelve gold stars in a circle on blue (drawn, no asset needed)."""
    width, height = 300, 200
    image = Image.new("RGB", (width, height), (0, 51, 153))
    draw = ImageDraw.Draw(image)
    cx, cy, radius = width / 2, height / 2, 66
    for i in range(12):
        angle = math.radians(i * 30)
        x, y = cx + radius * math.sin(angle), cy - radius * math.cos(angle)
        points = []
        for k in range(10):
            r = 11 if k % 2 == 0 else 4.5
            a = math.radians(k * 36)
            points.append((x + r * math.sin(a), y - r * math.cos(a)))
        draw.polygon(points, fill=(255, 204, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _organisation(name, name_en, country, city, kind, municipality=None):
    organisation, _ = upsert(
        Organisation,
        name=name,
        country=country,
        defaults={"name_en": name_en, "city": city, "kind": kind, "municipality": municipality},
    )
    return organisation


def _partners(project, rows):
    """The project's partners exactly as listed: any other partnership is removed."""
    project.partnerships.exclude(organisation__in=[org for org, _role in rows]).delete()
    for position, (organisation, role) in enumerate(rows):
        upsert(
            Partnership,
            project=project,
            organisation=organisation,
            defaults={"role": role, "position": position},
        )


def _remove_invented_partners():
    for name, country in INVENTED_PARTNERS:
        Organisation.objects.filter(name=name, country=country, partnerships__isnull=True).delete()


def _activities(project, rows):
    for row in rows:
        title = row.pop("title")
        upsert(Activity, project=project, title=title, defaults=row)


def _link(related, objects):
    """Add what is missing only: every change to a project's links is a history entry."""
    present = set(related.values_list("pk", flat=True))
    missing = [obj for obj in objects if obj.pk not in present]
    if missing:
        related.add(*missing)


def _action_lines(programme, codes):
    """Action lines of the programme's first redaction by code; a missing code is skipped."""
    if programme is None:
        return []
    return list(
        ActionLine.objects.filter(
            priority__redaction__programme=programme,
            priority__redaction__number=1,
            code__in=codes,
        )
    )


def _funding_programmes():
    found = {}
    emblem = None
    for key, spec in FUNDING_PROGRAMMES.items():
        spec = dict(spec)
        fund, name = spec.pop("fund"), spec.pop("name")
        programme, _ = upsert(
            FundingProgramme,
            fund=fund,
            name=name,
            defaults={**spec, "emblem_alt": "Eiropas Savienības karogs"},
        )
        if not programme.emblem:
            emblem = emblem or emblem_png()
            programme.emblem.save("es-karogs.png", ContentFile(emblem), save=True)
        found[key] = programme
    return found


def load():
    daugavpils, _ = Municipality.objects.get_or_create(
        slug="daugavpils",
        defaults={
            "name": "Daugavpils",
            "kind": Municipality.Kind.CITY,
            "planning_region": Municipality.PlanningRegion.LATGALE,
        },
    )
    ap = DevelopmentProgramme.objects.filter(municipality=daugavpils, slug="ap-2014-2020").first()
    funding = _funding_programmes()
    council = _organisation(*DAUGAVPILS_COUNCIL, Organisation.Kind.MUNICIPALITY, daugavpils)
    latgale = _organisation(
        "Latgales plānošanas reģions",
        "Latgale Planning Region",
        "LV",
        "Daugavpils",
        Organisation.Kind.PLANNING_REGION,
    )

    # Seed 002: the ESF capacity project, its courses, study visits and the timeline change.
    capacity, _ = upsert(
        Project,
        slug="esf-kapacitate-projektu-ieviesanai",
        defaults={
            "title": ESF_CAPACITY_TITLE,
            "agreement_number": "1DP/1.5.2.2.3/11/APIA/SIF/110/71",
            "funding_programme": funding["esf-1.5.2.2.3"],
            "municipality": daugavpils,
            "municipality_role": Project.Role.LEAD,
            # Seed 002, written in autumn 2012, reports it under way and gives no end date.
            # A 2007–2013 ESF project is long over, and "in progress" in the registry (and
            # "active in 2026" in its year filter) would be untrue, so it is shown as
            # completed with an illustrative planned end, which the notes and the README
            # say is illustrative. The seed's facts (start, 100 % ESF) are kept as given.
            "status": Project.Status.COMPLETED,
            "eu_share": Decimal("100.00"),
            "planned_start": datetime.date(2012, 4, 1),
            "actual_start": datetime.date(2012, 4, 1),
            "planned_end": ESF_CAPACITY_ILLUSTRATIVE_END,
            "actual_end": None,
            "objective": (
                "Stiprināt Daugavpils pašvaldības darbinieku kapacitāti Eiropas Savienības "
                "politiku instrumentu un pārējās ārvalstu finanšu palīdzības līdzfinansēto "
                "projektu un pasākumu sagatavošanā un īstenošanā."
            ),
            "main_activities": (
                "Darbinieku apmācību kursu cikls divās daļās („Projektu vadība” un „Projektu "
                "vadības specifika dažāda veida projektos”), informatīvs seminārs un pieredzes "
                "apmaiņas braucieni uz citām pašvaldībām kopā ar sadarbības partneri Latgales "
                "plānošanas reģionu."
            ),
            "description": (
                "Projektu 100 % apmērā finansē Eiropas Sociālais fonds. Ziņa par projekta "
                "norisi ir no 2012. gada rudens; projekta kopējās izmaksas un beigu datums tajā "
                "nav norādīti. Plānotās beigas (2013. gada decembris) šajos demonstrācijas datos "
                "ir ilustratīvas: 2007.–2013. gada plānošanas perioda projekts ir noslēdzies, "
                "bet tā beigu datums avotā nav minēts. Metodisko materiālu kopums un foto "
                "pieejami Latgales plānošanas reģiona mājaslapā www.latgale.lv."
            ),
            "publicity_note": "Par informācijas saturu atbild Daugavpils pilsētas dome.",
            "website": "https://www.daugavpils.lv/",
        },
    )
    _partners(capacity, [(council, "lead"), (latgale, "partner")])
    _activities(
        capacity,
        [
            {
                "title": "Kursu cikla 2. daļa „Projektu vadības specifika dažāda veida projektos”",
                "kind": Activity.Kind.TRAINING,
                "start_date": datetime.date(2012, 5, 1),
                "end_date": datetime.date(2012, 6, 30),
                "month_only": True,
                # Seed 002 does not say where the courses took place.
                "place": "",
                "participants": 20,
                "certificates": 20,
                "description": (
                    "Kursu cikla programmas otrā daļa sākās 2012. gada maijā un noslēdzās jūnija "
                    "beigās ar informatīvu semināru."
                ),
                "outcomes": (
                    "Kursu ciklu apguva un apliecinājumus saņēma 20 pašvaldības darbinieki."
                ),
            },
            {
                "title": "Pieredzes apmaiņas brauciens uz Rēzeknes pašvaldību",
                "kind": Activity.Kind.STUDY_VISIT,
                "start_date": datetime.date(2012, 8, 1),
                "end_date": None,
                "month_only": True,
                "place": "Rēzekne",
                "description": (
                    "Daugavpils pašvaldības projektu speciālisti un sadarbības partneris Latgales "
                    "plānošanas reģions dalījās pieredzē un diskutēja par projektu izstrādes un "
                    "vadības problēmām. Apmeklēti projektos renovēti un uzbūvēti objekti: radošo "
                    "pakalpojumu centrs „Zeimuļs”, multifunkcionālā koncertzāle, festivālu parks, "
                    "Stacijas iela, gājēju iela, Atbrīvošanas aleja, Latgales "
                    "kultūrvēstures muzejs."
                ),
            },
            {
                "title": "Pieredzes apmaiņas brauciens uz Valmieras pašvaldību",
                "kind": Activity.Kind.STUDY_VISIT,
                "start_date": datetime.date(2012, 9, 1),
                "end_date": None,
                "month_only": True,
                "place": "Valmiera",
                "description": (
                    "Savus projektus prezentēja Valmiera, Daugavpils un Latgales plānošanas "
                    "reģions; sekoja kopīga diskusija par aktuālākajiem jautājumiem projektu "
                    "plānošanā un ieviešanā, veiksmes stāsti, ieteikumi un idejas projektu vadības "
                    "uzlabošanai. Apskatīti objekti: Valmieras vecpilsēta – muzeja restaurētās "
                    "ēkas, piestātne Gaujas krastā, garšvielu dārziņš, Gaujas tramvajs, Valmieras "
                    "teātris, Valmieras biznesa inkubators un Valmieras sākumskolas ēka."
                ),
                "outcomes": "Īpašu uzmanību ieguva Biznesa inkubatora veiksmes stāsti.",
            },
            {
                "title": "Kursu cikla 1. daļa „Projektu vadība”",
                "kind": Activity.Kind.TRAINING,
                "start_date": datetime.date(2012, 9, 5),
                "end_date": None,
                "month_only": False,
                "place": "",
                "participants": 7,
                "description": (
                    "Intensīvās nodarbības līdz oktobra vidum, pēc tam patstāvīgais darbs, kas "
                    "noslēdzas ar gala eksāmenu decembra vidū."
                ),
            },
            # Seed 002 gives no date for the change, only that it had been made by the time
            # of writing (after 5 September, before mid-October 2012). It is dated by the
            # month of the seed's news post (1 October 2012 in portal.demo_news), and says so.
            {
                "title": "Izmaiņas projekta laika grafikā",
                "kind": Activity.Kind.AMENDMENT,
                "start_date": datetime.date(2012, 10, 1),
                "end_date": None,
                "month_only": True,
                "place": "",
                "description": (
                    "Līdz šim projekta īstenošana ir noritējusi veiksmīgi, jo jau ir sasniegti "
                    "vairāki no sagaidāmajiem rezultātiem. Tomēr ir bijusi nepieciešamība arī "
                    "veikt dažas izmaiņas projekta norises ietvaros, piemēram, laika grafikā. "
                    "(Izmaiņu datums nav zināms; norādīts mēnesis, kad par tām ziņots.)"
                ),
            },
        ],
    )

    # Seeds 003 and 004: "Cities of change", Europe for Citizens 1.2.
    decision, _ = upsert(
        CouncilDecision,
        municipality=daugavpils,
        number="228",
        date=datetime.date(2013, 6, 11),
        defaults={
            "protocol_number": "14",
            "paragraph": "15",
            "title": (
                "Par piedalīšanos projektā „Cities of change – the co-operation of cities in "
                "the field of city development”"
            ),
        },
    )
    cities, _ = upsert(
        Project,
        slug="cities-of-change",
        defaults={
            "title": CITIES_TITLE,
            "title_original": (
                "Cities of change – the co-operation of cities in the field of city development"
            ),
            "acronym": "Cities of change",
            "funding_programme": funding["efc-1.2"],
            "municipality": daugavpils,
            "municipality_role": Project.Role.PARTNER,
            # The planned period (seed 003) ended in April 2015; no source gives actual dates.
            "status": Project.Status.COMPLETED,
            "total_cost": Decimal("99000.00"),
            "eu_funding": Decimal("99000.00"),
            "co_financing": Decimal("0.00"),
            "planned_start": datetime.date(2013, 6, 1),
            "planned_end": datetime.date(2015, 4, 30),
            "actual_start": None,
            "actual_end": None,
            "council_decision": decision,
            "objective": (
                "„Pārmaiņu pilsētas” – inovatīvas metodes izmaiņu pārraudzībai, lai uzlabotu "
                "lielo pilsētu attīstību. Projekta mērķis ir izveidot starptautisku, ilgtspējīgu "
                "tīklu starp Eiropas pilsētām, lai varētu dalīties pieredzē par mūsdienīga un "
                "stratēģiska pilsētplānojuma izstrādi."
            ),
            "main_activities": (
                "Sadarbība ar projekta partneriem starptautiskā līmenī, apmācības plānošanas jomā "
                "un darba semināri, lai izstrādātu vienotu, ilgtspējīgu tīklu starp "
                "dalībpilsētām teritorijas attīstības jomā."
            ),
            "expected_results": (
                "Ilgtspējīgs tīkls starp Eiropas pilsētām; modeļveidīgi risinājumi pilsētu "
                "teritorijas stratēģiskajā attīstībā; līdzdalības demokrātija un labas "
                "pārvaldības principi vietējās pašvaldībās; zināšanu pārnese starp augstskolām, "
                "uzņēmējiem un pašvaldībām."
            ),
            "description": (
                "Domes lēmuma pielikumā nosaukti projekta iesniedzējs (Poznaņas pašvaldība) un "
                "Daugavpils pilsētas dome, pārējie partneri norādīti tikai pēc valstīm. Hāgas un "
                "Klaipēdas pašvaldības nosauktas ziņā par pirmo projekta konferenci; pārējie "
                "partneri šeit apzīmēti ar savu valsti."
            ),
        },
    )
    _partners(
        cities,
        [
            (
                council
                if name == DAUGAVPILS_COUNCIL[0]
                else _organisation(name, name_en, country, city, Organisation.Kind.MUNICIPALITY),
                role,
            )
            for name, name_en, country, city, role in CITIES_OF_CHANGE_PARTNERS
        ],
    )
    _remove_invented_partners()
    _activities(
        cities,
        [
            {
                "title": "Pirmā starptautiskā projekta konference Poznaņā",
                "kind": Activity.Kind.CONFERENCE,
                "start_date": datetime.date(2013, 11, 13),
                "end_date": datetime.date(2013, 11, 14),
                "month_only": False,
                "place": "Poznaņa, Polija",
                "description": (
                    "Konference bija veltīta pieredzes apmaiņai starp partneriem; piedalījās "
                    "Eiropas Komisijas, zinātniskā sektora un universitāšu pārstāvji. Uzsvars uz "
                    "projekta trim komponentiem: stratēģiskā uzraudzība, publiskās konsultācijas "
                    "un dzīves līmeņa rādītāju analīze. Daugavpils pilsētas dome prezentēja tēmu "
                    "„Publiskās konsultācijas – veids kā būt tuvāk pilsētas iedzīvotājiem”."
                ),
                "outcomes": (
                    "Gūta pieredze par pašvaldību darbību plānošanas jomās; gūta pieredze par "
                    "Hāgas, Poznaņas un Klaipēdas starptautisko sadarbību un teritorijas "
                    "attīstības plānošanu; iegūti jauni starptautiski sadarbības kontakti un "
                    "apspriestas turpmākās aktivitātes."
                ),
            }
        ],
    )

    # Seed 000: the ESF project that funds drafting the Daugavpils development programme.
    planning_total = (Decimal("25000") / LVL_PER_EUR).quantize(Decimal("0.01"))
    planning, _ = upsert(
        Project,
        slug="attistibas-planosanas-kapacitate",
        defaults={
            "title": PLANNING_TITLE,
            "agreement_number": "1DP/1.5.3.2.0/10/APIA/VRAA/047/042",
            "funding_programme": funding["esf-1.5.3.2"],
            "municipality": daugavpils,
            "municipality_role": Project.Role.LEAD,
            # Seed 000: "plānots pabeigt 2014. gada 30. jūnijā", a planned end only; it has
            # passed, so the project counts as completed, not as closed on that day.
            "status": Project.Status.COMPLETED,
            "total_cost": planning_total,
            "eu_funding": planning_total,
            "co_financing": Decimal("0.00"),
            "planned_end": datetime.date(2014, 6, 30),
            "actual_end": None,
            "funds_programme": ap,
            "objective": (
                "Izstrādāt Daugavpils attīstības programmu 2014.–2020. gadam, paaugstinot "
                "pašvaldības attīstības plānošanas kapacitāti."
            ),
            "main_activities": (
                "Attīstības programmas izstrāde sadarbībā ar ekspertu grupu SIA „Baltijas "
                "Konsultācijas”: pašreizējās situācijas raksturojums un analīze, stratēģiskā "
                "daļa, rīcības plāns un investīciju plāns vismaz trim gadiem; vadības grupas "
                "darbs (ap 8 sanāksmes no 2012. gada decembra līdz 2013. gada novembrim)."
            ),
            "description": (
                "Plānotās kopējās izmaksas avotā norādītas latos: LVL 25 000. Eiro tās "
                "pārrēķinātas pēc oficiālā kursa 0,702804 LVL par 1 EUR: 35 571,80 EUR. "
                "Eiropas Sociālā fonda finansējums – 100 %."
            ),
        },
    )
    _partners(planning, [(council, "lead")])
    _activities(
        planning,
        [
            {
                "title": "Izveidota attīstības programmas vadības grupa",
                "kind": Activity.Kind.OTHER,
                "start_date": datetime.date(2012, 11, 16),
                "end_date": None,
                "month_only": False,
                "place": "",
                "description": "Vadības grupa izveidota ar 16.11.2012. rīkojumu Nr. 635.",
            },
            {
                "title": "Pirmā vadības grupas sanāksme",
                "kind": Activity.Kind.MEETING,
                "start_date": datetime.date(2012, 12, 1),
                "end_date": None,
                "month_only": True,
                # The seed's photo caption: "Vadības grupas sanāksmes norise etniskajā centrā".
                "place": "Etniskais centrs",
                "description": (
                    "Izskatītas un izvērtētas attīstības programmas sadaļas „Pašreizējās "
                    "situācijas raksturojums un analīze” un „Stratēģiskā daļa”."
                ),
            },
        ],
    )

    _link(capacity.action_lines, _action_lines(ap, ["RV4.1"]))
    _link(cities.action_lines, _action_lines(ap, ["RV4.1", "RV4.2"]))
    _link(planning.action_lines, _action_lines(ap, ["RV4.1"]))

    manager = get_user_model().objects.filter(username="projekti").first()
    if manager:
        for project in (capacity, cities, planning):
            _link(project.managers, [manager])
