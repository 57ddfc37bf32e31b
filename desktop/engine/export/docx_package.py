"""A .docx package built on python-docx's own default template, without python-docx.

The template's parts (the 430 kB of styles, the numbering, the theme…) are read once, still
compressed, and copied into each new package as they are; only the parts a policy writes are
compressed. The zip is read and written here because the standard library's zipfile always
compresses again what it is given (and takes longer to import than this takes to run).
"""

import functools
import importlib.util
import struct
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header (APPNOTE.TXT 4.3.7)
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header (4.3.12)
_END = struct.Struct("<4s4H2LH")  # end of central directory record (4.3.16)
_VERSION = 20  # 2.0: deflate
_UNIX = 3
_PERMISSIONS = 0o600 << 16  # what zipfile gives a member written from bytes
DEFLATED = 8


@dataclass(frozen=True)
class Member:
    """One file of the package, compressed as `method` says."""

    name: str
    crc: int
    size: int
    method: int
    data: bytes


def template_path() -> Path:
    """python-docx's default.docx: beside its modules, or in the bundle's docx/templates folder."""
    spec = importlib.util.find_spec("docx")
    roots = [Path(root) for root in spec.submodule_search_locations or []] if spec else []
    if getattr(sys, "_MEIPASS", None):
        roots.append(Path(sys._MEIPASS) / "docx")
    for root in roots:
        if (root / "templates" / "default.docx").is_file():
            return root / "templates" / "default.docx"
    raise FileNotFoundError("python-docx's template default.docx is missing from this installation")


@functools.cache
def template_members() -> dict[str, Member]:
    """Every part of the template by its name, still compressed (read from the zip's central directory)."""
    data = template_path().read_bytes()
    end = data.rfind(b"PK\x05\x06")
    if end < 0:
        raise ValueError(f"{template_path()}: not a zip file")
    _, _, _, _, count, _, offset, _ = _END.unpack_from(data, end)
    members = {}
    for _ in range(count):
        fields = _CENTRAL.unpack_from(data, offset)
        method, crc, packed, size, name_length, extra_length, comment_length = fields[6], *fields[9:15]
        name = data[offset + _CENTRAL.size: offset + _CENTRAL.size + name_length].decode("utf-8")
        local = fields[-1]
        local_fields = _LOCAL.unpack_from(data, local)
        start = local + _LOCAL.size + local_fields[-2] + local_fields[-1]
        members[name] = Member(name, crc, size, method, data[start:start + packed])
        offset += _CENTRAL.size + name_length + extra_length + comment_length
    return members


def deflated(name: str, data: bytes) -> Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, zlib.crc32(data), len(data), DEFLATED, compressor.compress(data) + compressor.flush())


def zip_bytes(members: list[Member], when: time.struct_time | None = None) -> bytes:
    """A zip of the members in their order, each stamped with `when` (local time, now by default)."""
    when = when or time.localtime()
    dos_time = when.tm_hour << 11 | when.tm_min << 5 | when.tm_sec // 2
    dos_date = (when.tm_year - 1980) << 9 | when.tm_mon << 5 | when.tm_mday
    body, directory, offset = [], [], 0
    for member in members:
        name = member.name.encode("ascii")
        fields = (member.method, dos_time, dos_date, member.crc, len(member.data), member.size, len(name))
        body += [_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields, 0), name, member.data]
        directory += [_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, 0, *fields, 0, 0, 0, 0, _PERMISSIONS, offset), name]
        offset += _LOCAL.size + len(name) + len(member.data)
    central = b"".join(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), offset, 0)
    return b"".join(body) + central + end
