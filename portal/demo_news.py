"""Demo news from the seed texts 000, 002 and 004, with photos drawn by Pillow.

Idempotent: posts are found by slug, photos by (post, position); a photo is drawn and
saved (through the model, so its sizes are made) only when it is missing.
"""

import datetime
import io
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from programmes.models import DevelopmentProgramme, Municipality
from programmes.upsert import save_if_changed, upsert
from projects.models import Project

from .models import News, NewsPhoto

WIDTH, HEIGHT = 1600, 1000


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_meeting_room(seed=1):
    """A meeting or conference room: a screen, a table or rows of seats, people."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), (226, 219, 206))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 620, WIDTH, HEIGHT], fill=(150, 112, 82))
    draw.rectangle([520, 90, 1080, 400], fill=(245, 245, 250), outline=(60, 60, 60), width=8)
    draw.rectangle([560, 130, 1040, 190], fill=(122, 31, 43))
    for row in range(4):
        y = 420 + row * 40
        draw.line([600, y, 1000, y], fill=(170, 170, 190), width=10)
    for row in range(3):
        for col in range(9):
            x = 140 + col * 160 + rng.randint(-15, 15)
            y = 640 + row * 110
            colour = rng.choice([(40, 60, 110), (90, 40, 50), (60, 90, 60), (70, 70, 70)])
            draw.rounded_rectangle([x - 45, y, x + 45, y + 120], radius=20, fill=colour)
            draw.ellipse([x - 28, y - 60, x + 28, y - 4], fill=(224, 184, 150))
    return image


def draw_city(seed=2):
    """A city skyline at dusk: buildings with lit windows, a river in front."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 200, 150))
    draw = ImageDraw.Draw(image)
    for i in range(0, 600, 6):
        shade = 150 + i // 6
        draw.rectangle([0, i, WIDTH, i + 6], fill=(min(shade, 255), 170, 200))
    x = 0
    while x < WIDTH:
        w = rng.randint(80, 180)
        h = rng.randint(200, 520)
        colour = rng.choice([(70, 60, 90), (90, 80, 110), (60, 70, 80)])
        draw.rectangle([x, 750 - h, x + w, 750], fill=colour)
        if rng.random() < 0.25:
            draw.polygon([(x, 750 - h), (x + w // 2, 750 - h - 90), (x + w, 750 - h)], fill=colour)
        for wy in range(750 - h + 25, 740, 45):
            for wx in range(x + 15, x + w - 20, 35):
                if rng.random() < 0.55:
                    draw.rectangle([wx, wy, wx + 16, wy + 22], fill=(255, 226, 130))
        x += w + rng.randint(0, 20)
    draw.rectangle([0, 750, WIDTH, HEIGHT], fill=(60, 90, 140))
    for _ in range(30):
        y = rng.randint(770, HEIGHT - 10)
        x = rng.randint(0, WIDTH - 200)
        draw.line([x, y, x + rng.randint(60, 200), y], fill=(140, 170, 210), width=3)
    return image


def draw_bus_trip(seed=3):
    """A study visit: a coach in front of renovated buildings."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), (170, 210, 240))
    draw = ImageDraw.Draw(image)
    for i in range(5):
        x = 60 + i * 310
        h = rng.randint(380, 520)
        draw.rectangle(
            [x, 720 - h, x + 270, 720],
            fill=rng.choice([(230, 210, 170), (200, 120, 90), (240, 235, 225)]),
        )
        draw.polygon(
            [(x - 10, 720 - h), (x + 135, 620 - h), (x + 280, 720 - h)], fill=(150, 60, 50)
        )
        for wy in range(740 - h, 680, 90):
            for wx in range(x + 30, x + 240, 70):
                draw.rectangle([wx, wy, wx + 40, wy + 55], fill=(90, 120, 150))
    draw.rectangle([0, 720, WIDTH, HEIGHT], fill=(120, 120, 120))
    draw.rounded_rectangle([420, 600, 1180, 860], radius=40, fill=(245, 245, 245))
    for wx in range(460, 1100, 110):
        draw.rectangle([wx, 630, wx + 90, 720], fill=(70, 100, 140))
    draw.rectangle([420, 760, 1180, 790], fill=(122, 31, 43))
    for wx in (540, 1060):
        draw.ellipse([wx - 50, 820, wx + 50, 920], fill=(30, 30, 30))
    return image


NEWS = [
    {
        "slug": "uzsakts-darbs-pie-ap-1-redakcijas",
        "title": "Uzsākts darbs pie attīstības programmas 1. redakcijas izstrādes",
        "published_at": datetime.datetime(2012, 12, 20, 10, 0),
        "project": "attistibas-planosanas-kapacitate",
        "programme": ("daugavpils", "ap-2014-2020"),
        "lead": (
            "Daugavpils pilsētas dome sadarbībā ar ekspertu grupu plānošanas jomā SIA „Baltijas "
            "Konsultācijas” uzsāka darbu pie Daugavpils attīstības programmas 2014.–2020. gadam "
            "1. redakcijas izstrādes."
        ),
        "body": (
            "Eksperti plānošanas jomā izstrādāja attīstības programmas divas sadaļas: "
            "„Pašreizējās situācijas raksturojums un analīze” un „Stratēģiskā daļa”. Pirmajā "
            "sadaļā iekļauta informācijas analīze par dabas un kultūrvēsturiskajām vērtībām, "
            "iedzīvotājiem, dzīves vidi, tehnisko infrastruktūru, ekonomiskās aktivitātes "
            "resursiem, pašvaldības pārvaldes resursiem un investīcijām. Analīzē izmantota gan "
            "pašvaldības iestāžu, gan valsts institūciju (CSP, NVA, PMLP, VID, VZD) informācija, "
            "iedzīvotāju un uzņēmēju aptauju rezultāti un tematisko darba grupu semināru "
            "rezultāti.\n\n"
            "Stratēģiskajā sadaļā noteiktas pašvaldības vidēja termiņa prioritātes, rīcības "
            "virzieni un uzdevumi, pilsētas vīzija, funkcionālās saites, saskaņotība ar valsts "
            "un reģionālās plānošanas dokumentiem un pašvaldības specializācija. Eksperti "
            "sadarbībā ar domi strādā pie rīcības plāna, tajā skaitā investīciju plāna vismaz "
            "trim gadiem.\n\n"
            "Kvalitatīvai un savlaicīgai izstrādei ar 16.11.2012. rīkojumu Nr. 635 izveidota "
            "vadības grupa. No 2012. gada decembra līdz 2013. gada novembrim notiks ap 8 "
            "vadības grupas sanāksmes; decembrī pirmajā sanāksmē izskatītas abas minētās "
            "sadaļas.\n\n"
            "Attīstības programma tiek izstrādāta ESF projekta „Daugavpils pilsētas pašvaldības "
            "attīstības plānošanas kapacitātes paaugstināšana”, vienošanās Nr. "
            "1DP/1.5.3.2.0/10/APIA/VRAA/047/042, ietvaros. Projektu plānots pabeigt 2014. gada "
            "30. jūnijā; plānotās kopējās izmaksas LVL 25 000, Eiropas Sociālā fonda "
            "finansējums – 100 %."
        ),
        "prepared_by": (
            "Helēna Trošimova, Daugavpils pilsētas domes Attīstības departamenta Ekonomikas un "
            "investīciju nodaļas telpiskās attīstības plānotāja"
        ),
        "photos": [
            (
                draw_meeting_room,
                "Vadības grupas sanāksmes norise etniskajā centrā",
                "Vadības grupas dalībnieki pie galda zālē, aiz viņiem ekrāns ar prezentāciju.",
            ),
        ],
    },
    {
        "slug": "esf-kapacitates-projekta-aktivitates-2012",
        "title": "Daugavpils pilsētas domes īstenotās aktivitātes ESF finansētajā projektā",
        "published_at": datetime.datetime(2012, 10, 1, 10, 0),
        "project": "esf-kapacitate-projektu-ieviesanai",
        "programme": None,
        "lead": (
            "Daugavpils pilsētas dome 2012. gada 1. aprīlī sāka Eiropas Sociālā fonda 100 % "
            "finansētā projekta „Daugavpils pašvaldības kapacitātes stiprināšana Eiropas "
            "Savienības politiku instrumentu un pārējās ārvalstu finanšu palīdzības "
            "līdzfinansēto projektu un pasākumu īstenošanai”, vienošanās Nr. "
            "1DP/1.5.2.2.3/11/APIA/SIF/110/71, ieviešanu."
        ),
        "body": (
            "2012. gada maijā sākās apmācības kursu cikla programmas otrā daļa „Projektu "
            "vadības specifika dažāda veida projektos”, kas noslēdzās jūnija beigās ar "
            "informatīvu semināru. Kursu ciklu apguva un apliecinājumus saņēma 20 Daugavpils "
            "pašvaldības darbinieki.\n\n"
            "Pēc apmācībām sekoja pieredzes apmaiņas braucieni. Augustā pašvaldības projektu "
            "speciālisti un projekta sadarbības partneris Latgales plānošanas reģions devās uz "
            "Rēzekni, kur apmeklēja radošo pakalpojumu centru „Zeimuļs”, multifunkcionālo "
            "koncertzāli, festivālu parku un Latgales kultūrvēstures muzeju. Septembrī "
            "speciālisti devās uz Valmieru, kur savus projektus prezentēja Valmiera, Daugavpils "
            "un Latgales plānošanas reģions; īpašu uzmanību ieguva Biznesa inkubatora veiksmes "
            "stāsti.\n\n"
            "2012. gada 5. septembrī sākās kursu cikla programmas 1. daļa „Projektu vadība”, "
            "ko apgūst 7 projektu speciālisti; nodarbības ilgs līdz oktobra vidum, pēc tam "
            "patstāvīgais darbs un gala eksāmens decembra vidū.\n\n"
            "Līdz šim projekta īstenošana noritējusi veiksmīgi, jau sasniegti vairāki no "
            "sagaidāmajiem rezultātiem. Bija nepieciešams veikt arī dažas izmaiņas, piemēram, "
            "laika grafikā."
        ),
        "prepared_by": "",
        "photos": [
            (
                draw_bus_trip,
                "Pieredzes apmaiņas brauciens uz Rēzekni un Valmieru",
                "Autobuss pie renovētām ēkām ar sarkaniem jumtiem.",
            ),
            (
                draw_meeting_room,
                "Kursu cikla „Projektu vadība” nodarbība",
                "Nodarbības dalībnieki klausās lektoru zālē ar ekrānu.",
            ),
        ],
    },
    {
        "slug": "parmainu-pilsetas-dalijas-pieredze",
        "title": "Pārmaiņu pilsētas dalījās savā pieredzē attīstības jomā",
        "published_at": datetime.datetime(2013, 11, 25, 10, 0),
        "project": "cities-of-change",
        "programme": ("daugavpils", "ap-2014-2020"),
        "lead": (
            "2013. gada 13.–14. novembrī Daugavpils pilsētas domes darbinieki piedalījās pirmajā "
            "starptautiskajā konferencē, ko projekta „Cities of change” ietvaros organizēja "
            "Poznaņas pašvaldība Polijā."
        ),
        "body": (
            "Projekts „Cities of change – the co-operation of cities in the field of city "
            "development” jeb „Pilsētu sadarbība teritorijas attīstības jomā – pārmaiņu "
            "pilsētas” tiek īstenots Eiropas Savienības programmas „Eiropa pilsoņiem” "
            "1. aktivitātes „Aktīvi iedzīvotāji Eiropai” 1.2. apakšaktivitātes ietvaros. "
            "Projektā iesaistīti 14 partneri no 11 valstīm.\n\n"
            "Konference bija veltīta pieredzes apmaiņai starp partneriem; tajā piedalījās "
            "Eiropas Komisijas, zinātniskā sektora un universitāšu pārstāvji un Poznaņas "
            "pašvaldības departamentu pārstāvji. Uzsvars tika likts uz projekta trim "
            "komponentiem: stratēģisko uzraudzību, publiskajām konsultācijām un dzīves līmeņa "
            "rādītāju analīzi. Daugavpils pilsētas dome prezentēja tēmu „Publiskās "
            "konsultācijas – veids kā būt tuvāk pilsētas iedzīvotājiem”.\n\n"
            "Gūta pieredze par Hāgas (Nīderlande), Poznaņas (Polija) un Klaipēdas (Lietuva) "
            "pašvaldību starptautisko sadarbību un teritorijas attīstības plānošanu, iegūti "
            "jauni sadarbības kontakti un apspriestas turpmākās aktivitātes.\n\n"
            "Projekts tiek īstenots ar Eiropas Komisijas finansiālu atbalstu 100 % apjomā."
        ),
        "prepared_by": "",
        "photos": [
            (
                draw_city,
                "Ekskursija pilsētā",
                "Pilsētas panorāma vakarā ar izgaismotiem logiem un upi priekšplānā.",
            ),
            (
                draw_meeting_room,
                "Konferences atklāšana",
                "Konferences zāle ar dalībnieku rindām un ekrānu skatuvē.",
            ),
        ],
    },
]


def load():
    author = get_user_model().objects.filter(username="projekti").first()
    daugavpils = Municipality.objects.get(slug="daugavpils")
    for spec in NEWS:
        project = Project.objects.filter(slug=spec["project"]).first()
        programme = None
        if spec["programme"]:
            municipality_slug, programme_slug = spec["programme"]
            programme = DevelopmentProgramme.objects.filter(
                municipality__slug=municipality_slug, slug=programme_slug
            ).first()
        post, _ = upsert(
            News,
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "lead": spec["lead"],
                "body": spec["body"],
                "prepared_by": spec["prepared_by"],
                "municipality": daugavpils,
                "project": project,
                "programme": programme,
                "is_published": True,
                "published_at": timezone.make_aware(spec["published_at"]),
                "author": author,
            },
        )
        for position, (draw, caption, alt_text) in enumerate(spec["photos"]):
            photo = NewsPhoto.objects.filter(news=post, position=position).first()
            if photo is None:
                photo = NewsPhoto(news=post, position=position)
                photo.image = ContentFile(
                    _png(draw(seed=position + len(post.slug))), name=f"{post.slug}-{position}.png"
                )
            values = {
                "caption": caption,
                "alt_text": alt_text,
                "credit": "Daugavpils pilsētas dome (ilustrācija)",
            }
            if photo.pk is None:
                for name, value in values.items():
                    setattr(photo, name, value)
                photo.save()
            else:
                save_if_changed(photo, **values)
