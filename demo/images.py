"""Pictures for the demo, drawn locally with Pillow so that nothing is fetched from the network."""

from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900
DEFAULT_COLOURS = ("#1d4e89", "#7fb7be")


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def draw_picture(label, colours=DEFAULT_COLOURS):
    """A diagonal gradient with a centred label, as a JPEG file ready for Wagtail's image library."""
    start, end = (_rgb(c) for c in colours)
    gradient = PILImage.linear_gradient("L").rotate(45, expand=True).resize((WIDTH, HEIGHT))
    picture = PILImage.composite(
        PILImage.new("RGB", (WIDTH, HEIGHT), end), PILImage.new("RGB", (WIDTH, HEIGHT), start), gradient
    )
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=96)
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    position = ((WIDTH - (right - left)) / 2, (HEIGHT - (bottom - top)) / 2)
    draw.text((position[0] + 4, position[1] + 4), label, font=font, fill=(0, 0, 0))
    draw.text(position, label, font=font, fill=(255, 255, 255))
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer
