"""Hostile spreadsheets, made small in memory: each is a few kilobytes that would cost a careless
reader gigabytes, minutes, or a file of the server's."""

import io
import struct
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"

PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
    '<sheets><sheet name="Leavers" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
HEADER_ROW = b'<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'
ROW = b'<row><c t="inlineStr"><is><t>Someone</t></is></c></row>'

# Every entity declared in a document type: the door to both attacks, shut by forbidding it.
XXE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
    '<c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
).encode()
LAUGHS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)  # lol9 is 10^9 times "lol"
BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<!DOCTYPE sst [<!ENTITY lol0 "lol">{LAUGHS}]>\n'
    f'<sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
).encode()


def workbook(sheet: bytes, strings: bytes | None = None, **members: bytes) -> bytes:
    """An .xlsx file with this sheet XML (and shared strings, and other members by name)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if strings is not None:
            archive.writestr("xl/sharedStrings.xml", strings)
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def sheet(*rows: bytes, tail: bytes = b"") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
        + b"".join(rows)
        + b"</sheetData>"
        + tail
        + b"</worksheet>"
    )


def many_rows(count: int, broken_after: bool = False) -> bytes:
    """A header and `count` rows; broken_after: XML that no parser accepts after the rows, so
    that a refusal about rows shows the reader stopped before it got there."""
    tail = b"<<<not XML" if broken_after else b""
    return workbook(sheet(HEADER_ROW, ROW * count, tail=tail))


def shared_strings_bomb(count: int) -> bytes:
    """A sheet of two rows and a table of `count` texts nobody refers to."""
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
        + b"<si><t>x</t></si>" * count
        + b"</sst>"
    )
    return workbook(sheet(HEADER_ROW, ROW), strings)


def zip_bomb(megabytes: int) -> bytes:
    """A sheet that unpacks to `megabytes` MB of spaces between its rows: about 1000 to 1."""
    padding = b" " * (megabytes * 1024 * 1024)
    return workbook(sheet(HEADER_ROW, padding, ROW))


def lying_sizes(megabytes: int) -> bytes:
    """A ZIP bomb whose sheet says it unpacks to 100 bytes: its directory lies, and zipfile
    stops at the declared size (the check of the CRC then fails)."""
    data = bytearray(zip_bomb(megabytes))
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 100)
            at = data.find(signature, at + 4)
    return bytes(data)


def many_members(count: int) -> bytes:
    return workbook(sheet(HEADER_ROW, ROW), **{f"xl/media/image{n}.png": b"" for n in range(count)})


def long_cell(characters: int) -> bytes:
    text = ("x" * characters).encode()
    return workbook(
        sheet(HEADER_ROW, b'<row><c t="inlineStr"><is><t>' + text + b"</t></is></c></row>")
    )


GARBAGE = bytes(range(256)) * 40
NOT_A_ZIP = b"PK\x03\x04" + bytes(range(256)) * 4  # starts like a workbook, is none
