"""Plain files from resources/: icons drawn in the palette's text colour, and seed descriptions."""

import functools
import logging
import tomllib

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.paths import bundled_dir

log = logging.getLogger(__name__)


def resource_path(name: str):
    return bundled_dir("resources") / name


def style_sheet() -> str:
    """The window's style sheet (resources/policywright.qss); none when the file cannot be read."""
    try:
        return resource_path("policywright.qss").read_text(encoding="utf-8")
    except OSError as error:
        log.warning("the style sheet cannot be read: %s", error)
        return ""


def app_icon() -> QIcon:
    return QIcon(str(resource_path("policywright.svg")))


def icon(name: str) -> QIcon:
    """A line icon from resources/icons, stroked in the current palette's text colour (dark themes too)."""
    try:
        svg = resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    except OSError:
        log.warning("icon %s is missing", name)
        return QIcon()
    colour = QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    data = QByteArray(svg.replace("currentColor", colour).encode("utf-8"))
    result = QIcon()
    for size in (16, 24, 32, 48):
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if not image.isNull():
            result.addPixmap(QPixmap.fromImage(image))
    return result


@functools.cache
def _source_descriptions() -> dict[str, str]:
    try:
        return tomllib.loads(resource_path("sources.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.warning("seed descriptions cannot be read: %s", error)
        return {}


def describe_source(source: str) -> str:
    """'000_8f42…' -> 'a band platform's privacy policy'; unknown ids are shown as they are."""
    descriptions = _source_descriptions()
    return descriptions.get(source) or descriptions.get(source.split("_")[0]) or source
