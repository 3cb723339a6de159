"""The demo's pictures, drawn with Pillow (no image files to ship): the EU flag a fund's
emblem shows, and the illustrations of the news photos. The same seed draws the same
picture, so a photo redrawn is the photo it replaces."""

import io
import math
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 1000


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


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
    return png(image)


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


# The pictures `data/news.toml` names.
PICTURES = {"meeting_room": draw_meeting_room, "city": draw_city, "bus_trip": draw_bus_trip}
