"""Scanned renderings of the 2017 pack: its pages printed and scanned back in.

    python samples/scan.py OUT_DIR [--dpi 200 300] [--pages 13-37] [--kind grey bw dither]
    python samples/scan.py OUT_DIR --source PAPER.pdf --pages 3,4 [--dpi 300] [--max-angle 1.5]

Each chosen page of ``coventry-2017-scrutiny-pack.pdf`` is rasterised at the given
resolution, turned by a slight angle (as a sheet lies on a scanner's glass), given scanner
noise (grain and dust specks) and saved as an image with no text at all; the other pages
stay born-digital, so a pack is part scan, part text, as archive papers often are. By
default the scanned pages are Appendix A (service cards, pages 13-29) and Appendix B
(financial tables, 30-37). Output is deterministic: each page's angle and noise come from
a generator seeded with its page number.

Kinds (--kind): 'grey' (8-bit, JPEG, as a scanner's photo setting saves), 'bw' (1-bit black
and white at a fixed threshold, as office scanners archive, stored CCITT G4) and 'dither'
(1-bit with Floyd-Steinberg dithering: greys as patterns of dots).

The content is that of ``content.PACK`` (the independent transcription), so tests compare
what OCR reads against it as they do for the born-digital renderings. With ``--source``,
any born-digital paper is scanned the same way (bench/bench_ocr.py unseen compares what OCR
reads of it with its own text).
"""
from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK_2017 = HERE / "coventry-2017-scrutiny-pack.pdf"
APPENDIX_PAGES = tuple(range(13, 38))  # Appendix A and Appendix B of the 2017 pack
MAX_ANGLE = 0.8  # degrees either way: a sheet laid a little crooked
GRAIN = 28  # grey levels of grain at most
SPECK_RATE = 2  # in 1000 pixels, a dust speck
JPEG_QUALITY = 80
KINDS = ("grey", "bw", "dither")
BW_THRESHOLD = 128  # grey levels below this come out black in a 'bw' scan


def scan_page(pdf_page, dpi: int, seed: int, max_angle: float = MAX_ANGLE):
    """One page as a scanner returns it: greyscale pixels, turned a little, with noise."""
    from PIL import Image, ImageChops

    rng = random.Random(seed)
    image = pdf_page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    width, height = image.size
    grain = Image.frombytes("L", image.size, rng.randbytes(width * height)).point(lambda v: v * GRAIN // 255)
    image = ImageChops.subtract(image, grain)
    specks = Image.frombytes("L", image.size, rng.randbytes(width * height))
    cutoff = 255 - 255 * SPECK_RATE // 1000
    image = ImageChops.darker(image, specks.point(lambda v: 90 if v > cutoff else 255))
    angle = rng.uniform(-max_angle, max_angle)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def as_kind(image, kind: str):
    """The scanner's picture as saved: grey, or 1-bit thresholded ('bw') or dithered."""
    from PIL import Image

    if kind == "bw":
        return image.point(lambda v: 255 if v >= BW_THRESHOLD else 0).convert("1", dither=Image.Dither.NONE)
    if kind == "dither":
        return image.convert("1", dither=Image.Dither.FLOYDSTEINBERG)
    return image


def image_page(image, width_pt: float, height_pt: float):
    """A one-page PDF holding only the image, at the original page's size (1-bit images
    stored CCITT G4, as scanners store them; grey ones as JPEG)."""
    import pypdfium2 as pdfium

    buffer = io.BytesIO()
    if image.mode == "1":
        image.save(buffer, format="PDF", resolution=72 * image.width / width_pt)
        return pdfium.PdfDocument(buffer.getvalue())
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    document = pdfium.PdfDocument.new()
    page = document.new_page(width_pt, height_pt)
    picture = pdfium.PdfImage.new(document)
    picture.load_jpeg(io.BytesIO(buffer.getvalue()), inline=True)
    picture.set_matrix(pdfium.PdfMatrix().scale(width_pt, height_pt))
    page.insert_obj(picture)
    page.gen_content()
    return document


def scan_pack(source: Path, target: Path, dpi: int, pages=APPENDIX_PAGES, max_angle: float = MAX_ANGLE,
              kind: str = "grey") -> Path:
    """Write `source` with `pages` (1-based) replaced by their scans (of `kind`) to `target`."""
    import pypdfium2 as pdfium

    original = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    try:
        for number in range(1, len(original) + 1):
            if number not in pages:
                out.import_pages(original, [number - 1])
                continue
            page = original[number - 1]
            width, height = page.get_size()
            picture = as_kind(scan_page(page, dpi, seed=number, max_angle=max_angle), kind)
            scanned = image_page(picture, width, height)
            out.import_pages(scanned)
            scanned.close()
            page.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        out.save(str(target))
    finally:
        out.close()
        original.close()
    return target


def page_range(text: str) -> tuple[int, ...]:
    numbers: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        numbers += range(int(first), int(last or first) + 1)
    return tuple(numbers)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--pages", type=page_range, default=APPENDIX_PAGES, help="e.g. 13-37 or 23,24,36")
    parser.add_argument("--source", type=Path, default=PACK_2017, help="the born-digital PDF to scan")
    parser.add_argument("--max-angle", type=float, default=MAX_ANGLE, help="degrees a page may turn either way")
    parser.add_argument("--kind", nargs="+", choices=KINDS, default=["grey"], help="grey, bw (1-bit) or dither")
    args = parser.parse_args(argv)
    name = "coventry-2017" if args.source == PACK_2017 else args.source.stem
    for kind in args.kind:
        for dpi in args.dpi:
            suffix = "" if kind == "grey" else f"-{kind}"
            target = scan_pack(args.source, args.out_dir / f"{name}-scanned-{dpi}dpi{suffix}.pdf", dpi, args.pages,
                               args.max_angle, kind)
            print(f"{target} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1:])
