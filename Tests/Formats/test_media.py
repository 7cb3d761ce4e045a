"""Pictures published from Content/media/, read back with Pillow: their real
formats and widths, that no metadata survives (EXIF, GPS, XMP, ICC, PNG text),
orientation and colour applied, the `<img>` sizes, and how timeline.json,
feed.xml and feed.json name them.

The source images are drawn here with Pillow (nothing binary is committed): a
3000x2000 JPEG as a phone held sideways writes it (EXIF Orientation 6, GPS,
camera make, model and body serial, an XMP packet, an ICC profile that is not
sRGB), a PNG with alpha and tEXt chunks, a GIF with a transparent colour, a
WebP with EXIF, XMP and an sRGB profile, and a WebP with alpha. They go into a
copy of the small-story fixture (which brings its own JPEG and PNG portrait),
named by three events of their own, and the site is built with the debug
binary, like conftest.py's sites.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from PIL import Image, ImageCms, ImageDraw, PngImagePlugin
from PIL.ExifTags import GPS, IFD, Base

from formats_support import REPO, SMALL_STORY, TEMPLATES, TIMELINE

BASE = "https://example.org/talks/"  # small-story's site.yml
WIDTHS = (480, 960, 1600)

CAMERA_MAKE = "AcmeOptics"
CAMERA_MODEL = "Snoopcam-9000X"
SERIAL = "SN-77GHOST-4242"
XMP_NS = b"http://ns.adobe.com/xap/1.0/"
XMP = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="' + SERIAL.encode()
       + b'"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
# Strings that must appear in no published file: they are only in the sources' metadata.
SECRETS = [b"Exif\x00\x00", XMP_NS, SERIAL.encode(), CAMERA_MODEL.encode(), CAMERA_MAKE.encode()]

RED, GREEN = (220, 20, 20), (20, 200, 20)


# ------------------------------------------------------------------ the source images


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _icc_xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)


def swapped_profile() -> bytes:
    """An RGB matrix/TRC ICC v2 display profile whose red and blue colorants are
    swapped: a pixel stored as red means blue. A publisher that converts to
    sRGB turns it blue; one that only drops the profile leaves it red."""
    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)  # sRGB, D50
    name = b"Swapped red and blue\0"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(name)) + name + b"\0" * 8 + b"\0" * 3 + b"\0" * 67
    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [(b"desc", desc), (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test data\0"),
            (b"wtpt", _icc_xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", _icc_xyz(*blue)), (b"gXYZ", _icc_xyz(*green)), (b"bXYZ", _icc_xyz(*red)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    header = (struct.pack(">I", offset + len(data)) + b"none" + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ "
              + b"\0" * 12 + b"acsp" + b"\0" * 24 + struct.pack(">I", 0) + _s15(0.9642) + _s15(1.0) + _s15(0.8249)
              + b"\0" * 48)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def _camera_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    if orientation:
        exif[Base.Orientation] = orientation
    exif[Base.Make] = CAMERA_MAKE
    exif[Base.Model] = CAMERA_MODEL
    exif.get_ifd(IFD.Exif)[Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (46.0, 12.0, 30.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (6.0, 8.0, 15.0)
    return exif


def write_sources(media: Path) -> None:
    # As stored: 3000x2000, left half red, top-right quadrant green, the rest black.
    # Orientation 6 (turn 90° clockwise to show) makes it 2000x3000: top half red, bottom-right green.
    photo = Image.new("RGB", (3000, 2000))
    draw = ImageDraw.Draw(photo)
    draw.rectangle([0, 0, 1499, 1999], fill=RED)
    draw.rectangle([1500, 0, 2999, 999], fill=GREEN)
    photo.save(media / "phone-photo.jpg", "JPEG", quality=90, exif=_camera_exif(orientation=6).tobytes(),
               xmp=XMP, icc_profile=swapped_profile())

    drawing = Image.new("RGBA", (1000, 700), (10, 20, 200, 128))
    ImageDraw.Draw(drawing).ellipse([100, 100, 600, 600], fill=(250, 250, 0, 255))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", SERIAL)
    text.add_text("Comment", CAMERA_MODEL)
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    drawing.save(media / "clear-drawing.png", pnginfo=text)

    gif = Image.new("P", (400, 300), 0)
    gif.putpalette([v for i in range(256) for v in (i, 255 - i, (i * 7) % 256)])
    ImageDraw.Draw(gif).rectangle([50, 50, 200, 200], fill=77)
    gif.save(media / "small-chart.gif", transparency=0, comment=CAMERA_MODEL.encode())

    opaque = Image.new("RGB", (2000, 1000), (90, 140, 40))
    ImageDraw.Draw(opaque).rectangle([0, 0, 700, 900], fill=(255, 255, 255))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    opaque.save(media / "field.webp", "WEBP", quality=90, exif=_camera_exif().tobytes(), xmp=XMP, icc_profile=srgb)

    Image.new("RGBA", (1700, 850), (200, 40, 40, 90)).save(media / "veil.webp", "WEBP", quality=90,
                                                            exif=_camera_exif().tobytes())


@dataclass(frozen=True)
class Source:
    size: tuple  # (width, height) upright, as a reader should see it
    fallback: str  # Pillow's format name of the fallback
    alpha: bool


SOURCES = {
    "phone-photo": Source((2000, 3000), "JPEG", False),
    "clear-drawing": Source((1000, 700), "PNG", True),
    "small-chart": Source((400, 300), "PNG", True),
    "field": Source((2000, 1000), "JPEG", False),
    "veil": Source((1700, 850), "PNG", True),
    # the fixture's own
    "envoys-in-geneva": Source((1200, 800), "JPEG", False),
    "anna-envoy": Source((400, 500), "PNG", True),
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

NOTES = {
    "events/every-format.md": """---
title: Pictures in every format
date: 2025-11-24
tags: [plan]
media:
  - src: media/phone-photo.jpg
    alt: "A phone's photo, turned upright"
    caption: "Taken with the phone held sideways."
    credit: "Photo: Leaky Camera"
    license: CC0
  - src: media/clear-drawing.png
    alt: "A yellow disc on a see-through blue"
    credit: "Drawing: Fixture Desk"
  - src: media/small-chart.gif
    alt: ""
  - src: media/field.webp
    alt: "A white block on green"
  - src: media/veil.webp
    alt: "A see-through red field"
---
Every kind of picture.
""",
    "events/drawing-first.md": """---
title: A drawing first
date: 2025-11-25
media:
  - src: media/clear-drawing.png
    alt: "A yellow disc on a see-through blue"
    caption: "The drawing."
    credit: "Drawing: Fixture Desk"
---
A PNG is the first picture.
""",
    "events/video-first.md": f"""---
title: A video first
date: 2025-11-26
media:
  - src: {YOUTUBE}
    caption: "The envoys speak to reporters"
    credit: "Video: Wire Service"
  - src: media/small-chart.gif
    alt: "A small chart"
---
A video comes before the picture.
""",
}


# ------------------------------------------------------------------ building


@dataclass
class MediaSite:
    content: Path
    output: Path

    @property
    def media(self) -> Path:
        return self.output / "media"

    def text(self, name: str) -> str:
        return (self.output / name).read_text(encoding="utf-8")

    def local(self, url: str) -> Path:
        """The published file an absolute URL names."""
        assert url.startswith(BASE), url
        return self.output / url[len(BASE):]


def _build(content: Path, output: Path, cache: Path) -> MediaSite:
    if not TIMELINE.exists():
        subprocess.run(["swift", "build", "--product", "timeline"], cwd=REPO, check=True)
    result = subprocess.run(
        [str(TIMELINE), "build", "--content", str(content), "--templates", str(TEMPLATES),
         "--output", str(output), "--cache", str(cache)],
        cwd=output.parent, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"building failed:\n{result.stdout}\n{result.stderr}"
    assert result.stderr == "", result.stderr
    return MediaSite(content, output)


@pytest.fixture(scope="module")
def media_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("media")
    content = root / "content"
    shutil.copytree(SMALL_STORY, content)
    write_sources(content / "media")
    for name, text in NOTES.items():
        (content / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(media_root) -> MediaSite:
    return _build(media_root / "content", media_root / "public", media_root / "cache-a")


def published(site: MediaSite) -> list[Path]:
    return sorted(p for p in site.media.rglob("*") if p.is_file())


def variants(site: MediaSite, stem: str) -> list[Path]:
    return sorted(p for p in site.media.iterdir() if re.fullmatch(re.escape(stem) + r"-[0-9a-f]{8}-[0-9]+\.[a-z]+",
                                                                  p.name))


def expected_widths(width: int) -> list[int]:
    """480, 960 and 1600 where the source is wider; the source's own width when under 1600."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


# ------------------------------------------------------------------ the sources really carry what must go


def test_the_sources_carry_the_metadata(media_root):
    media = media_root / "content" / "media"
    photo = Image.open(media / "phone-photo.jpg")
    exif = photo.getexif()
    assert exif[Base.Orientation] == 6 and exif[Base.Model] == CAMERA_MODEL
    assert exif.get_ifd(IFD.GPSInfo)[GPS.GPSLatitudeRef] == "N"
    assert exif.get_ifd(IFD.Exif)[Base.BodySerialNumber] == SERIAL
    assert photo.info["icc_profile"] == swapped_profile() and XMP_NS in photo.info["xmp"]
    assert Image.open(media / "clear-drawing.png").text["Author"] == SERIAL
    assert Image.open(media / "small-chart.gif").info["transparency"] == 0
    field = Image.open(media / "field.webp")
    assert field.getexif()[Base.Model] == CAMERA_MODEL and "icc_profile" in field.info and "xmp" in field.info
    # The profile means what it says: stored red is blue.
    profile = ImageCms.ImageCmsProfile(io.BytesIO(swapped_profile()))
    shown = ImageCms.profileToProfile(Image.new("RGB", (1, 1), RED), profile, ImageCms.createProfile("sRGB"))
    r, g, b = shown.getpixel((0, 0))
    assert b > 180 and r < 60 and g < 60, (r, g, b)


# ------------------------------------------------------------------ formats and widths


def test_every_file_is_the_format_its_extension_says(site):
    files = published(site)
    assert files
    for path in files:
        with Image.open(path) as image:
            assert EXTENSIONS.get(image.format) == path.suffix[1:], f"{path.name} is {image.format}"
            image.load()  # decodes whole: not truncated


def test_each_picture_in_the_documented_widths_with_webp_and_its_fallback(site):
    names = {p.name for p in site.media.iterdir() if p.is_file()}
    accounted = set()
    for stem, source in SOURCES.items():
        found = variants(site, stem)
        hashes = {p.name[len(stem) + 1:len(stem) + 9] for p in found}
        assert len(hashes) == 1, f"{stem}: {sorted(p.name for p in found)}"
        prefix = f"{stem}-{hashes.pop()}-"
        widths = expected_widths(source.size[0])
        expected = {f"{prefix}{w}.{ext}" for w in widths for ext in ("webp", EXTENSIONS[source.fallback])}
        assert {p.name for p in found} == expected, stem
        accounted |= expected
        width, height = source.size
        for path in found:
            with Image.open(path) as image:
                w = int(path.stem.rsplit("-", 1)[1])
                assert image.width == w, path.name
                assert abs(image.height - w * height / width) <= 1, f"{path.name}: {image.size} from {source.size}"
                assert image.format == ("WEBP" if path.suffix == ".webp" else source.fallback), path.name
    assert names - accounted == set(), "files in media/ that no note names"


def test_never_upscaled(site):
    assert [p.name.rsplit("-", 1)[1] for p in variants(site, "small-chart")] == ["400.png", "400.webp"]
    assert [p.name.rsplit("-", 1)[1] for p in variants(site, "anna-envoy")] == ["400.png", "400.webp"]
    for path in published(site):
        if path.parent == site.media:
            stem = path.name.rsplit("-", 2)[0]
            with Image.open(path) as image:
                assert image.width <= SOURCES[stem].size[0], path.name


def test_the_sideways_photo_comes_out_upright(site):
    for path in variants(site, "phone-photo"):
        with Image.open(path) as image:
            assert image.height > image.width, f"{path.name} is {image.size}: orientation 6 not applied"
            rgb = image.convert("RGB")
            w, h = rgb.size
            # Top half as stored on the left, bottom right as stored top right, bottom left black.
            assert max(rgb.getpixel((w // 2, h // 4))) > 150, path.name
            g = rgb.getpixel((3 * w // 4, 7 * h // 8))
            assert g[1] > 150 and g[0] < 80 and g[2] < 80, (path.name, g)
            assert max(rgb.getpixel((w // 4, 7 * h // 8))) < 40, path.name


def test_colours_are_converted_to_srgb(site):
    """The photo's profile says stored red is blue: published in sRGB (no
    profile), the top half must be blue, not red."""
    for path in variants(site, "phone-photo"):
        with Image.open(path) as image:
            r, g, b = image.convert("RGB").getpixel((image.width // 2, image.height // 4))
            assert b > 180 and r < 60 and g < 60, f"{path.name}: {(r, g, b)} (stored {RED} under a swapping profile)"


def test_alpha_is_kept_where_the_source_has_it(site):
    for stem, source in SOURCES.items():
        for path in variants(site, stem):
            with Image.open(path) as image:
                assert ("A" in image.getbands() or "transparency" in image.info) == source.alpha, \
                    f"{path.name}: {image.mode}"
    with Image.open(variants(site, "small-chart")[0]) as image:  # the GIF's transparent colour
        assert image.convert("RGBA").getpixel((10, 10))[3] == 0
        assert image.convert("RGBA").getpixel((100, 100))[3] == 255


def test_fallback_format_rule(site):
    """JPEG for JPEG and opaque WebP sources; PNG for PNG, GIF and WebP with alpha."""
    fallbacks = {stem: {p.suffix for p in variants(site, stem)} - {".webp"} for stem in SOURCES}
    assert fallbacks == {"phone-photo": {".jpg"}, "clear-drawing": {".png"}, "small-chart": {".png"},
                         "field": {".jpg"}, "veil": {".png"}, "envoys-in-geneva": {".jpg"},
                         "anna-envoy": {".png"}}


# ------------------------------------------------------------------ no metadata survives


def _jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's segments up to the start of scan."""
    assert data[:2] == b"\xff\xd8"
    markers, i = [], 2
    while i < len(data):
        assert data[i] == 0xFF, f"no marker at {i}"
        marker = data[i + 1]
        if marker == 0xD9:
            break
        markers.append(marker)
        if marker == 0xDA:
            break
        i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    return markers


def _png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, i = [], 8
    while i < len(data):
        length, kind = struct.unpack(">I4s", data[i:i + 8])
        chunks.append(kind)
        i += 12 + length
    return chunks


def _webp_chunks(data: bytes) -> list[bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, i = [], 12
    while i < len(data):
        kind, length = struct.unpack("<4sI", data[i:i + 8])
        chunks.append(kind)
        i += 8 + length + (length & 1)
    return chunks


def test_no_exif_gps_xmp_or_icc_in_any_published_file(site):
    files = published(site)
    assert any(p.parent.name == "cards" for p in files), "no drawn social card to check"
    for path in files:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif, f"{path.name}: EXIF {dict(exif)}"
            assert not exif.get_ifd(IFD.GPSInfo), f"{path.name}: GPS"
            for key in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "comment"):
                assert key not in image.info, f"{path.name}: {key}"
            if image.format == "PNG":
                assert not image.text, f"{path.name}: text chunks {image.text}"
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, f"{path.name} contains {secret!r}"


def test_no_metadata_segments_or_chunks(site):
    """Read at the container level: no APPn but JFIF in a JPEG (APP1 is EXIF
    and XMP, APP2 ICC, APP13 IPTC), no COM; no eXIf, iCCP or text chunk in a
    PNG; no EXIF, XMP or ICCP chunk in a WebP."""
    for path in published(site):
        data = path.read_bytes()
        if path.suffix == ".jpg":
            markers = _jpeg_markers(data)
            assert not [m for m in markers if 0xE1 <= m <= 0xEF or m == 0xFE], \
                f"{path.name}: markers {[hex(m) for m in markers]}"
        elif path.suffix == ".png":
            chunks = _png_chunks(data)
            assert not set(chunks) & {b"eXIf", b"iCCP", b"tEXt", b"zTXt", b"iTXt", b"tIME"}, f"{path.name}: {chunks}"
        elif path.suffix == ".webp":
            chunks = _webp_chunks(data)
            assert not set(chunks) & {b"EXIF", b"XMP ", b"ICCP"}, f"{path.name}: {chunks}"
        else:
            pytest.fail(f"unexpected file {path.name}")


# ------------------------------------------------------------------ HTML


class _Images(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images, self.sources, self.pictures = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.pictures.append(attrs)
        elif tag == "source":
            self.sources.append(attrs)
        elif tag == "img":
            self.images.append(attrs)


def _images(page: Path) -> _Images:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _srcset(value: str) -> list[tuple[str, int]]:
    entries = []
    for item in value.split(","):
        url, descriptor = item.split()
        assert descriptor.endswith("w"), value
        entries.append((url, int(descriptor[:-1])))
    return entries


def _file(page: Path, site: MediaSite, url: str) -> Path:
    path = (page.parent / url).resolve()
    assert path.is_relative_to(site.output.resolve()) and path.is_file(), f"{page}: {url} is no published file"
    return path


def test_img_width_and_height_are_the_largest_files(site):
    pages = [p for p in site.output.rglob("*.html") if "assets" not in p.parts]
    seen = 0
    for page in pages:
        parsed = _images(page)
        for img in parsed.images:
            if "media/" not in img["src"]:
                continue
            seen += 1
            where = f"{page.relative_to(site.output)}: {img['src']}"
            candidates = _srcset(img["srcset"]) if "srcset" in img else []
            for url, w in candidates:
                with Image.open(_file(page, site, url)) as image:
                    assert image.width == w, f"{where}: {url} says {w}w, is {image.width}"
            largest = max(candidates, key=lambda c: c[1])[0] if candidates else img["src"]
            with Image.open(_file(page, site, largest)) as image:
                assert (int(img["width"]), int(img["height"])) == image.size, where
            with Image.open(_file(page, site, img["src"])) as image:
                assert image.format != "WEBP", f"{where}: the fallback is WebP"
        for source in parsed.sources:
            if "media/" in source.get("srcset", ""):
                assert source["type"] == "image/webp"
                for url, *_ in (item.split() for item in source["srcset"].split(",")):
                    with Image.open(_file(page, site, url)) as image:
                        assert image.format == "WEBP", f"{page}: {url}"
    assert seen >= 8, seen


def test_event_page_pictures_in_order_first_eager(site):
    page = site.output / "events" / "every-format" / "index.html"
    images = [i for i in _images(page).images if "media/" in i["src"]]
    stems = [Path(i["src"]).name.rsplit("-", 2)[0] for i in images]
    assert stems == ["phone-photo", "clear-drawing", "small-chart", "field", "veil"]
    assert [i["loading"] for i in images] == ["eager"] + ["lazy"] * 4
    assert [i["alt"] for i in images] == ["A phone's photo, turned upright", "A yellow disc on a see-through blue",
                                          "", "A white block on green", "A see-through red field"]
    assert (images[0]["width"], images[0]["height"]) == ("1600", "2400")


def test_og_image_is_the_first_pictures_largest_fallback(site):
    text = site.text("events/every-format/index.html")
    meta = dict(re.findall(r'<meta property="(og:image[^"]*)" content="([^"]*)">', text))
    path = site.local(meta["og:image"])
    assert path.name.startswith("phone-photo-") and path.name.endswith("-1600.jpg")
    with Image.open(path) as image:
        assert image.format == "JPEG"
        assert (meta["og:image:type"], int(meta["og:image:width"]), int(meta["og:image:height"])) == \
            ("image/jpeg", *image.size)


# ------------------------------------------------------------------ timeline.json and the feeds


def _slides(site) -> dict:
    return {s["unique_id"]: s for s in json.loads(site.text("timeline.json"))["events"]}


def test_timelinejs_media_of_a_picture(site):
    slides = _slides(site)
    media = slides["every-format"]["media"]
    assert media["caption"] == "Taken with the phone held sideways."
    assert media["credit"] == "Photo: Leaky Camera"
    assert media["alt"] == "A phone's photo, turned upright"
    for key in ("url", "thumbnail"):
        assert media[key].startswith(BASE), (key, media[key])
    url, thumbnail = site.local(media["url"]), site.local(media["thumbnail"])
    assert url.name.startswith("phone-photo-") and thumbnail.name.startswith("phone-photo-")
    with Image.open(url) as image, Image.open(thumbnail) as small:
        assert image.format == "JPEG" and image.size == (1600, 2400)
        assert small.width < image.width and small.width == 480
    drawing = slides["drawing-first"]["media"]
    assert site.local(drawing["url"]).suffix == ".png" and site.local(drawing["thumbnail"]).is_file()
    fixture = slides["plan-drafted"]["media"]
    assert site.local(fixture["url"]).name.startswith("envoys-in-geneva-")
    for slug in ("geneva-meeting", "deal-claims", "earlier-contacts"):
        assert "media" not in slides[slug], slug


def test_timelinejs_media_of_a_video_first(site):
    media = _slides(site)["video-first"]["media"]
    assert media["url"] == YOUTUBE
    assert media["caption"] == "The envoys speak to reporters" and media["credit"] == "Video: Wire Service"


def _enclosures(entry) -> list:
    return [link for link in entry.links if link.rel == "enclosure"]


def test_atom_enclosure_is_the_first_picture(site):
    feed = feedparser.parse((site.output / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    entries = {e.id: e for e in feed.entries}
    for slug, mime, stem in [("every-format", "image/jpeg", "phone-photo"),
                             ("drawing-first", "image/png", "clear-drawing"),
                             ("plan-drafted", "image/jpeg", "envoys-in-geneva")]:
        (link,) = _enclosures(entries[BASE + f"events/{slug}/"])
        assert link.type == mime, slug
        assert link.href.startswith(BASE), link.href
        path = site.local(link.href)
        assert path.name.startswith(stem + "-"), (slug, path.name)
        assert int(link.length) == path.stat().st_size, slug
        with Image.open(path) as image:
            assert Image.MIME[image.format] == mime
    for slug in ("geneva-meeting", "deal-claims", "earlier-contacts"):
        assert _enclosures(entries[BASE + f"events/{slug}/"]) == [], slug


def test_json_feed_image(site):
    items = {i["id"]: i for i in json.loads(site.text("feed.json"))["items"]}
    for slug, stem in [("every-format", "phone-photo"), ("drawing-first", "clear-drawing"),
                       ("plan-drafted", "envoys-in-geneva")]:
        image = items[BASE + f"events/{slug}/"]["image"]
        assert image.startswith(BASE) and site.local(image).name.startswith(stem + "-"), (slug, image)
        assert site.local(image).is_file()
    for slug in ("geneva-meeting", "deal-claims", "earlier-contacts"):
        assert "image" not in items[BASE + f"events/{slug}/"], slug


# ------------------------------------------------------------------ determinism


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_from_fresh_caches_give_identical_media(site, media_root):
    again = _build(site.content, media_root / "public-b", media_root / "cache-b")
    first, second = _tree(site.media), _tree(again.media)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], differing
    # And a third from the first build's warm cache.
    warm = _build(site.content, media_root / "public-c", media_root / "cache-a")
    assert _tree(warm.media) == first
