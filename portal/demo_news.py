"""Demo news from the seed texts 000, 002 and 004, with photos drawn by Pillow.

The texts are the seeds' own, paragraph by paragraph, with typography set right (spaces
after numbers, „quotes”, dashes) and plain slips fixed ("plānošanās" → "plānošanas",
"ka arī" → "kā arī"); the author's phone and e-mail are left out, and the closing
publicity sentence of seed 002 is shown by the project's publicity box instead.

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

from core.upsert import save_if_changed, upsert
from programmes.models import DevelopmentProgramme, Municipality
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
            "Eksperti plānošanas jomā izstrādāja AP divas sadaļas „Pašreizējās situācijas "
            "raksturojums un analīze” un „Stratēģiskā daļa”. Pirmajā sadaļā ir iekļauta "
            "informācijas analīze par šādām jomām: dabas un kultūrvēsturiskās vērtības, "
            "iedzīvotāji, iedzīvotāju dzīves vide (izglītība un zinātne, veselības aprūpe, "
            "sociālā drošība, vide, kultūrvide un sports), tehniskā infrastruktūra (transports, "
            "mājokļi, komunālie pakalpojumi), ekonomiskās aktivitātes resursi, pašvaldības "
            "pārvaldes resursi un investīcijas (budžets un investīcijas, pārrobežu sadarbība, "
            "pilsētas tēls u. c.). AP pašreizējās situācijas analīzē tika izmantota gan "
            "Daugavpils pilsētas pašvaldības iestāžu, gan valsts institūciju (LR CSP, NVA, PMLP, "
            "VID, VZD u. c.) rīcībā esošā informācija, kā arī iedzīvotāju, uzņēmēju aptaujas "
            "rezultāti un tematisko darba grupu semināru rezultāti.\n\n"
            "Stratēģiskajā sadaļā, ņemot vērā pašreizējās situācijas analīzes rezultātus, kā arī "
            "iepriekš definētās pašvaldības ilgtermiņa prioritātes, tika veikta pašvaldības "
            "vidēja termiņa prioritāšu, rīcības virzienu un uzdevumu noteikšana. Stratēģiskajā "
            "daļā iekļauta informācija par pilsētas vīziju, funkcionālajām saitēm dažādos "
            "telpiskās attīstības līmeņos, AP saskaņotību ar valsts un reģionālās plānošanas "
            "dokumentiem, pašvaldības specializāciju, kuru nosaka, balstoties uz pašreizējās "
            "situācijas un SVID analīzi, kā arī izvērtējot Latgales plānošanas reģiona ekonomikas "
            "profilu. Eksperti sadarbībā ar Daugavpils pilsētas domi strādā pie rīcības plāna "
            "izstrādes, kurā tiks noteiktas konkrētas rīcības, nosakot izpildītājus, finanšu "
            "resursus, tajā skaitā izstrādājot investīciju plānu vismaz uz 3 gadiem.\n\n"
            "Kvalitatīvai un savlaicīgai AP izstrādes nodrošināšanai, pamatojoties uz 16.11.2012. "
            "rīkojumu Nr. 635, tika izveidota vadības grupa. Vadības grupas pamatuzdevums ir "
            "nodrošināt regulāru AP 1. redakcijas projekta izskatīšanu, precizējot un savlaicīgi "
            "novēršot potenciālas pretrunas.\n\n"
            "Laika posmā no 2012. gada decembra līdz 2013. gada novembrim tiks organizētas ap 8 "
            "vadības grupas sanāksmes. Decembrī pirmajā vadības grupas sanāksmē tika izskatītas "
            "un izvērtētas divas augstāk minētās AP sadaļas.\n\n"
            "Daugavpils pilsētas attīstības programma 2014.–2020. gadam tiek izstrādāta ESF "
            "projekta „Daugavpils pilsētas pašvaldības attīstības plānošanas kapacitātes "
            "paaugstināšana”, vienošanās Nr. 1DP/1.5.3.2.0/10/APIA/VRAA/047/042, ietvaros.\n\n"
            "Projektu plānots pabeigt 2014. gada 30. jūnijā.\n"
            "Projekta plānotās kopējās izmaksas – LVL 25 000.\n"
            "Eiropas Sociālā fonda finansējums – 100 %."
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
            "Daugavpils pilsētas dome 2012. gada 1. aprīlī sāka Eiropas Savienības (ar Eiropas "
            "Sociālā fonda (ESF) starpniecību) 100 % finansētā projekta „Daugavpils pašvaldības "
            "kapacitātes stiprināšana Eiropas Savienības politiku instrumentu un pārējās ārvalstu "
            "finanšu palīdzības līdzfinansēto projektu un pasākumu īstenošanai”, vienošanās Nr. "
            "1DP/1.5.2.2.3/11/APIA/SIF/110/71, ieviešanu."
        ),
        "body": (
            "2012. gada maijā sākās apmācības kursu cikla programmas otrajai daļai „Projektu "
            "vadības specifika dažāda veida projektos”, kuras noslēdzās jūnija beigās ar "
            "informatīvu semināru. Kursu ciklu apguva un apliecinājumus saņēma 20 Daugavpils "
            "pašvaldības darbinieki.\n\n"
            "Pēc apmācībām sekoja arī pieredzes apmaiņas braucieni uz Rēzeknes un Valmieras "
            "pašvaldībām. Daugavpils pašvaldības projektu speciālisti, kā arī projekta sadarbības "
            "partneris Latgales plānošanas reģions augustā devās uz Rēzekni, kur dalījās "
            "pieredzē, diskutēja par projektu izstrādes un vadības problēmām, plusiem un "
            "mīnusiem, kā arī centās izstrādāt panākumu formulu projektu veiksmīgai vadībai. "
            "Daugavpils pašvaldības projektu speciālisti Rēzeknes pašvaldības projektu vadītāju "
            "pavadībā apmeklēja dažādus projektu ietvaros renovētus, uzbūvētus un uzlabotus "
            "objektus – radošo pakalpojumu centru „Zeimuļs”, multifunkcionālo koncertzāli, "
            "festivālu parku, Stacijas ielu, gājēju ielu, Atbrīvošanas aleju, Latgales "
            "kultūrvēstures muzeju. Visi apskatītie objekti bija sajūsmas vērti un iedvesmoja "
            "jaunām idejām.\n\n"
            "Savukārt septembrī Daugavpils pašvaldības projektu speciālisti mēroja garo ceļu uz "
            "Vidzemi, lai gūtu pieredzi no Valmieras pašvaldības projektu vadītājiem. Šajā "
            "tikšanās reizē savus projektus prezentēja gan Valmiera, gan Daugavpils, gan Latgales "
            "plānošanas reģions, kam sekoja kopīga diskusija par aktuālākajiem jautājumiem "
            "projektu plānošanā un ieviešanā, veiksmes stāsti, ieteikumi, idejas projektu vadības "
            "uzlabošanai. Šajā pašvaldībā bija iespēja aplūkot tādus objektus kā Valmieras "
            "vecpilsētu – muzeja restaurētās ēkas, piestātni Gaujas krastā, garšvielu dārziņu, "
            "Gaujas tramvaju, Valmieras teātri, Valmieras biznesa inkubatoru un Valmieras "
            "sākumskolas ēku. Projektu ietvaros izveidotie, renovētie un uzlabotie objekti bija "
            "ļoti dažādi un interesanti, īpašu uzmanību ieguva Biznesa inkubatora veiksmes "
            "stāsti. Šie braucieni tiešām deva iespēju dalīties pieredzē un uzzināt daudz ko "
            "jaunu, tā bija iespēja salīdzināt un analizēt, kā arī tas deva stimulu nākamajiem "
            "projektiem.\n\n"
            "Reizē ar jaunā mācību gada sākšanos, 2012. gada 5. septembrī sākās arī Daugavpils "
            "pašvaldības darbinieku kursu cikla programmas 1. daļa „Projektu vadība”. Šos kursus "
            "apgūst 7 Daugavpils pašvaldības projektu speciālisti. Intensīvās nodarbības ilgs "
            "līdz oktobra vidum, kam sekos patstāvīgais darbs, kas noslēgsies ar gala eksāmenu "
            "decembra vidū.\n\n"
            "Līdz šim projekta īstenošana ir noritējusi veiksmīgi, jo jau ir sasniegti vairāki no "
            "sagaidāmajiem rezultātiem. Tomēr ir bijusi nepieciešamība arī veikt dažas izmaiņas "
            "projekta norises ietvaros, piemēram, laika grafikā.\n\n"
            "Plašāka informācija par projektu un tā norisi ir pieejama Daugavpils pilsētas domes "
            "mājaslapā www.daugavpils.lv un Latgales plānošanas reģiona mājaslapā www.latgale.lv, "
            "kur pieejams arī metodisko materiālu kopums un foto no projekta aktivitātēm."
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
            "Konference notika Eiropas Savienības „Eiropa pilsoņiem” programmas 1. aktivitātes "
            "„Aktīvi iedzīvotāji Eiropai” 1.2. apakšaktivitātes „Sadraudzības pašvaldību "
            "tīklojumi” projekta „Cities of change – the co-operation of cities in the field of "
            "city development” jeb „Pilsētu sadarbība teritorijas attīstības jomā – pārmaiņu "
            "pilsētas” ietvaros. Kopumā šajā projektā iesaistīti 14 partneri no 11 valstīm: "
            "Polijas, Latvijas, Itālijas, Īrijas, Nīderlandes, Lietuvas, Spānijas, Francijas, "
            "Lielbritānijas, Vācijas un Rumānijas.\n\n"
            "Konference bija veltīta pieredzes apmaiņai starp partneriem, tajā piedalījās "
            "pārstāvji no Eiropas Komisijas, pārstāvji no zinātniskā sektora un universitātēm un "
            "Poznaņas pašvaldības dažādu departamentu un nodaļu pārstāvji. Uzsvars tika likts uz "
            "projekta trim komponentiem, kas ir stratēģiskā uzraudzība, publiskās konsultācijas "
            "un dzīves līmeņa rādītāju analīze. Pieredze par šiem komponentiem tika iegūta "
            "lekcijās, prezentācijās un sadarbojoties darba grupās. Daugavpils pilsētas dome sevi "
            "prezentēja publisko konsultāciju jomā: „Publiskās konsultācijas – veids, kā būt "
            "tuvāk pilsētas iedzīvotājiem”.\n\n"
            "Gūtās pieredzes rezultātā veiktās darbības pašvaldības funkciju nodrošināšanai:\n"
            "– gūta pieredze par pašvaldību darbību plānošanas jomās;\n"
            "– gūta pieredze par Hāgas (Nīderlande), Poznaņas (Polija) un Klaipēdas (Lietuva) "
            "pašvaldību darbību starptautiskās sadarbības un teritorijas attīstības plānošanas "
            "jomā;\n"
            "– iegūti jauni starptautiski sadarbības kontakti starp projekta iesaistītajām pusēm "
            "un apspriestas turpmākas aktivitātes šī projekta ietvaros.\n\n"
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
