"""The text of a PDF as WeasyPrint writes it, without poppler: enough for a test to ask whether
some words are in it. Reads the objects (also those packed in object streams), maps each font's
glyphs back to characters by its ToUnicode map and decodes the text-showing operators of every
page's content. Lines and text runs are joined with a space (compare with `squeeze()`), pages
with a form feed."""

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"^(<<.*?>>)\s*stream\r?\n(.*)\r?\nendstream\s*$", re.S)
_REFERENCE = rb"(\d+) 0 R"


def _inflate(dictionary: bytes, data: bytes) -> bytes:
    return zlib.decompress(data) if b"/FlateDecode" in dictionary else data


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (its dictionary or value, its stream's data or None)."""
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJECT.finditer(pdf):
        body = match.group(2).strip()
        stream = _STREAM.match(body)
        if stream:
            found[int(match.group(1))] = (stream.group(1), _inflate(*stream.groups()))
        else:
            found[int(match.group(1))] = (body, None)
    for dictionary, data in list(found.values()):
        if data is None or b"/ObjStm" not in dictionary:
            continue
        first = int(re.search(rb"/First (\d+)", dictionary).group(1))
        header = [int(number) for number in data[:first].split()]
        places = list(zip(header[::2], header[1::2], strict=True))
        for index, (number, offset) in enumerate(places):
            end = places[index + 1][1] if index + 1 < len(places) else len(data) - first
            found.setdefault(number, (data[first + offset : first + end].strip(), None))
    return found


def _unicode_map(cmap: bytes) -> dict[int, str]:
    found = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            found[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, text in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
        ):
            start = int(text, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                found[code] = chr(start + offset)
    return found


def pdf_text(pdf: bytes) -> str:
    """The text of every page, pages split by form feeds (as pdftotext does)."""
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str]] = {}  # resource name -> glyph code -> characters
    for dictionary, _data in objects.values():
        font_list = re.search(rb"/Font\s*(?:" + _REFERENCE + rb"|<<(.*?)>>)", dictionary, re.S)
        if not font_list:
            continue
        entries = objects[int(font_list.group(1))][0] if font_list.group(1) else font_list.group(2)
        for name, number in re.findall(rb"/([\w.+-]+)\s+" + _REFERENCE, entries):
            font = objects.get(int(number), (b"", None))[0]
            unicode = re.search(rb"/ToUnicode\s+" + _REFERENCE, font)
            if unicode:
                fonts[name] = _unicode_map(objects[int(unicode.group(1))][1] or b"")
    pages = []
    for number in _page_numbers(objects):
        contents = re.search(rb"/Contents\s*(?:\[(.*?)\]|" + _REFERENCE + rb")", objects[number][0])
        if not contents:
            continue
        streams = re.findall(_REFERENCE, contents.group(1) or contents.group(0))
        data = b"\n".join(objects[int(stream)][1] or b"" for stream in streams)
        pages.append(_shown(data, fonts))
    return "\f".join(pages)


def _page_numbers(objects: dict[int, tuple[bytes, bytes | None]]) -> list[int]:
    """The pages' object numbers in reading order, from the page tree."""

    def walk(number: int) -> list[int]:
        dictionary = objects[number][0]
        if re.search(rb"/Type\s*/Pages\b", dictionary):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", dictionary, re.S).group(1)
            return [page for kid in re.findall(_REFERENCE, kids) for page in walk(int(kid))]
        return [number]

    for dictionary, _data in objects.values():
        root = re.search(rb"/Type\s*/Catalog.*?/Pages\s+" + _REFERENCE, dictionary, re.S)
        if root:
            return walk(int(root.group(1)))
    return []


def _shown(data: bytes, fonts: dict[bytes, dict[int, str]]) -> str:
    """The text a page's content shows, one text run after another."""
    runs, font = [], {}
    for name, shown in re.findall(rb"/([\w.+-]+) [\d.]+ Tf|\[(.*?)\] TJ", data, re.S):
        if name:
            font = fonts.get(name, {})
            continue
        codes = b"".join(re.findall(rb"<([0-9a-fA-F]*)>", shown))
        runs.append(
            "".join(
                font.get(int(codes[i : i + 4], 16), "")
                for i in range(0, len(codes) - len(codes) % 4, 4)
            )
        )
    return " ".join(runs)


def squeeze(text: str) -> str:
    """Text without white space, to find words a line break may have split."""
    return "".join(text.split())
