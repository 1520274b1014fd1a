"""The printed handout: a lesson as a worksheet PDF, in the language the teacher chose.

A cover page (the lesson's title and summary, a line for the student's name, class and
date, the scenes with their minutes), then one page or more per scene: its title, a
picture of its view (gui/lesson/scene_pictures.py), the explanation, what to look at, the
task, the challenge if any, and ruled lines for the answer.

Drawn with QPainter on a QPdfWriter (A4, 150 dpi) into memory, then written with
core.files.atomic_write: never half a file. Text is laid out line by line (QTextLayout),
so a page break falls between two lines and never cuts one; a picture is never split.
Chinese draws with the application's fonts, which fall back to the shipped CJK font
(gui/app.py prepare_fonts). The labels are translated in the handout's language by
installing it for the time of the drawing (gui.i18n), then the window's language again.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QPen, QTextLayout, QTextOption)

RESOLUTION = 150  # dots per inch: sharp on paper, small enough to mail
MARGIN_MM = 16
PICTURE_SHARE = 0.42  # at most this share of the page's height for a scene's picture
ANSWER_LINES = 4  # at least this many ruled lines for an answer
RULE_GAP_MM = 9  # between ruled lines: room for a child's handwriting
INK = QColor(0, 0, 0)
GREY = QColor(90, 90, 90)


def write_handout(path: str | os.PathLike, lesson, language: str, pictures: list[QImage]) -> None:
    """Write `lesson`'s handout in `language` ("zh_CN" or "en") to `path`, whole or not at all.

    `pictures[i]` is scene i's picture; a missing or null one leaves a framed space instead.
    A file that cannot be written raises core.files.FileWriteError (one sentence).
    """
    from core.files import FileWriteError, atomic_write, writable_target

    writable_target(path, FileWriteError)  # before drawing: a bad target fails at once
    atomic_write(path, handout_bytes(lesson, language, pictures), FileWriteError)


def handout_bytes(lesson, language: str, pictures: list[QImage]) -> bytes:
    """The handout as PDF bytes, drawn at once."""
    drawing = HandoutDrawing(lesson, language, pictures)
    while drawing.draw_next():
        pass
    return drawing.finish()


@dataclass(frozen=True)
class SceneWords:
    heading: str
    minutes: str
    sections: tuple[tuple[str, str], ...]  # (label or "", text), in the order printed
    answer: str


@dataclass(frozen=True)
class HandoutWords:
    """Every word of the handout in its language, found before drawing (drawing then needs no translator)."""

    title: str
    author: str
    summary: str
    name_line: str
    scenes_heading: str
    items: tuple[str, ...]
    total: str
    scenes: tuple[SceneWords, ...]


def handout_words(lesson, language: str) -> HandoutWords:
    """The handout's words in `language`: the lesson's own texts, and our labels translated in it."""
    translate = QCoreApplication.translate
    with speaking(language):
        scenes = []
        for number, scene in enumerate(lesson.scenes, start=1):
            sections = [("", scene.explanation.get(language)),
                        (translate("Handout", "Look at:"), scene.look_at.get(language)),
                        (translate("Handout", "Try this:"), scene.try_this.get(language))]
            if scene.goal is not None:
                sections.append((translate("Handout", "Challenge:"), goal_sentence(scene.goal)))
            heading = translate("Handout", "Scene {0} · {1}").format(number, scene.title.get(language))
            scenes.append(SceneWords(heading, translate("Handout", "About {0} min").format(scene.minutes),
                                     tuple((label, text) for label, text in sections if text.strip()),
                                     translate("Handout", "Your answer:")))
        author = lesson.author.strip()
        blank = "_" * 14
        items = tuple(translate("Handout", "{0}. {1} ({2} min)").format(number, scene.title.get(language),
                                                                        scene.minutes)
                      for number, scene in enumerate(lesson.scenes, start=1))
        total = sum(scene.minutes for scene in lesson.scenes)
        return HandoutWords(
            title=lesson.title.get(language),
            author=translate("Handout", "Written by {0}").format(author) if author else "",
            summary=lesson.summary.get(language),
            name_line=translate("Handout", "Name {0}   Class {1}   Date {2}").format(blank, blank, blank),
            scenes_heading=translate("Handout", "Scenes"),
            items=items,
            total=translate("Handout", "About {0} minutes in all.").format(total),
            scenes=tuple(scenes))


@contextmanager
def speaking(language: str):
    """`language` installed (gui.i18n) while the handout's words are found, then the one before it.

    Both switches happen before the event loop runs again, so the window retranslates once, in its own language.
    """
    from gui import i18n

    before = i18n.current()
    if language == before:
        yield
        return
    i18n.install(language)
    try:
        yield
    finally:
        i18n.install(before)


def goal_sentence(goal) -> str:
    """The challenge in words (gui/lesson/goal_words.py), in the language installed now."""
    try:
        from gui.lesson.goal_words import describe_goal
    except ImportError:
        return goal.kind
    return describe_goal(goal)


class HandoutDrawing:
    """The PDF drawn one page at a time, so the window can go on painting between pages (the dialog steps it
    on a timer; each page takes some tens of milliseconds): the cover, then one scene per `draw_next()`."""

    def __init__(self, lesson, language: str, pictures: list[QImage]):
        self.words = handout_words(lesson, language)
        self.pictures = list(pictures)
        self.steps = 1 + len(self.words.scenes)
        self.done = 0
        self._data = QByteArray()
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setResolution(RESOLUTION)
        self._writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                               QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                               QPageLayout.Unit.Millimeter))
        self._writer.setCreator("Glassbox")
        self._writer.setTitle(self.words.title)
        self._painter = QPainter(self._writer)
        self._pages = Pages(self._painter, self._writer, self.words.title, chinese=language == "zh_CN")

    def draw_next(self) -> bool:
        """Draw the next part (the cover, else the next scene); True while parts remain."""
        if self.done >= self.steps:
            return False
        if self.done == 0:
            draw_cover(self._pages, self.words)
        else:
            index = self.done - 1
            self._pages.new_page()
            picture = self.pictures[index] if index < len(self.pictures) else None
            draw_scene(self._pages, self.words.scenes[index], picture)
        self.done += 1
        return self.done < self.steps

    def finish(self) -> bytes:
        """The PDF's bytes (every part drawn first)."""
        while self.draw_next():
            pass
        self._pages.finish()
        self._close()
        return bytes(self._data.data())

    def abort(self) -> None:
        """Drop the drawing: nothing is written anywhere."""
        self._close()

    def _close(self) -> None:
        if self._painter.isActive():
            self._painter.end()
        self._buffer.close()


def draw_cover(pages: Pages, words: HandoutWords) -> None:
    pages.paragraph(words.title, pages.font(22, bold=True), after=0.6)
    if words.author:
        pages.paragraph(words.author, pages.font(10), GREY)
    pages.paragraph(words.summary, pages.font(12), after=1.2)
    pages.paragraph(words.name_line, pages.font(12), after=1.4)
    pages.paragraph(words.scenes_heading, pages.font(14, bold=True), after=0.3)
    item = pages.font(11)
    for line in words.items:
        pages.paragraph(line, item, after=0.15)
    pages.paragraph(words.total, pages.font(11, bold=True), before=0.5)


def draw_scene(pages: Pages, words: SceneWords, picture: QImage | None) -> None:
    pages.paragraph(words.heading, pages.font(16, bold=True), after=0.1)
    pages.paragraph(words.minutes, pages.font(9), GREY, after=0.5)
    pages.picture(picture)
    body, label = pages.font(11), pages.font(11, bold=True)
    for heading, text in words.sections:
        if heading:
            pages.paragraph(heading, label, after=0.1, keep_lines=2)
        pages.paragraph(text, body, after=0.6)
    pages.keep(pages.line_height(label) * 2 + pages.mm(RULE_GAP_MM) * ANSWER_LINES)  # the label with its lines
    pages.paragraph(words.answer, label, before=0.3, after=0.2)
    pages.rules(ANSWER_LINES)


class Pages:
    """A cursor down the page: paragraphs line by line, pictures whole, ruled lines; a new page when full."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, footer: str, chinese: bool = False):
        self.painter, self.writer, self.footer = painter, writer, footer
        paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.left, self.width = 0.0, float(paint_rect.width())
        self.top, self.bottom = 0.0, float(paint_rect.height()) - self.mm(8)  # the footer's room below
        self.y = self.top
        self.number = 1
        from gui.app import cjk_families

        # Chinese in the shipped Simplified Chinese font first (a system's CJK fallback may draw Japanese glyph
        # shapes), then the application's families for anything it lacks; other languages the other way round.
        cjk = cjk_families()
        base = [family for family in QGuiApplication.font().families() or [QGuiApplication.font().family()]
                if family and family not in cjk]
        self.families = cjk + base if chinese else base + cjk

    def mm(self, millimetres: float) -> float:
        return millimetres * self.writer.resolution() / 25.4

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def room(self) -> float:
        return self.bottom - self.y

    def keep(self, height: float) -> None:
        """A new page unless `height` fits on this one (what follows belongs together)."""
        if height > self.room() and self.y > self.top:
            self.new_page()

    def new_page(self) -> None:
        self._draw_footer()
        self.writer.newPage()
        self.number += 1
        self.y = self.top

    def finish(self) -> None:
        self._draw_footer()

    def _draw_footer(self) -> None:
        font = self.font(8)
        self.painter.setFont(font)
        self.painter.setPen(GREY)
        box = QRectF(self.left, self.bottom + self.mm(2), self.width, self.mm(6))
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                              self.painter.fontMetrics().elidedText(self.footer, Qt.TextElideMode.ElideRight,
                                                                    int(self.width * 0.8)))
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                              str(self.number))

    def paragraph(self, text: str, font: QFont, colour: QColor = INK, before: float = 0.0, after: float = 0.3,
                  keep_lines: int = 1) -> None:
        """`text` wrapped to the page's width; `before`/`after` in lines of space; the first `keep_lines`
        lines' worth of room is needed on this page (a heading stays with what follows it)."""
        line_height = self.line_height(font)
        self.y += before * line_height if self.y > self.top else 0.0
        if self.room() < keep_lines * line_height * 1.2 and self.y > self.top:
            self.new_page()
        self.painter.setPen(colour)
        for part in text.split("\n"):
            self._lines(part, font)
        self.y += after * line_height

    def line_height(self, font: QFont) -> float:
        layout = QTextLayout("Ag中", font, self.painter.device())
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(self.width)
        layout.endLayout()
        return line.height()

    def _lines(self, text: str, font: QFont) -> None:
        layout = QTextLayout(text, font, self.painter.device())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines, offset = [], 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self.width)
            line.setPosition(QPointF(0.0, offset))
            offset += line.height()
            lines.append(line)
        layout.endLayout()
        for line in lines:
            if line.height() > self.room() and self.y > self.top:
                self.new_page()
            line.draw(self.painter, QPointF(self.left, self.y - line.y()))
            self.y += line.height()

    def picture(self, image: QImage | None) -> None:
        """`image` scaled to the page's width (its aspect kept, at most PICTURE_SHARE of the page's height), framed;
        a missing picture leaves an empty frame of the same shape, to draw in."""
        most = (self.bottom - self.top) * PICTURE_SHARE
        if image is not None and not image.isNull():
            scale = min(self.width / image.width(), most / image.height())
            width, height = image.width() * scale, image.height() * scale
        else:
            width, height = self.width, min(most, self.width * 0.6)
        if height > self.room() and self.y > self.top:
            self.new_page()
        box = QRectF(self.left + (self.width - width) / 2, self.y, width, height)
        if image is not None and not image.isNull():
            scaled = image.scaled(int(round(width)), int(round(height)), Qt.AspectRatioMode.IgnoreAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            self.painter.drawImage(box.topLeft(), scaled)
        self.painter.setPen(QPen(GREY, max(1.0, self.mm(0.25))))
        self.painter.drawRect(box)
        self.y += height + self.mm(5)

    def rules(self, at_least: int) -> None:
        """Ruled lines for an answer: the rest of the page, and at least `at_least` of them."""
        gap = self.mm(RULE_GAP_MM)
        if self.room() < at_least * gap and self.y > self.top:
            self.new_page()
        self.painter.setPen(QPen(QColor(150, 150, 150), max(1.0, self.mm(0.2))))
        count = max(at_least, int(self.room() // gap))
        for _ in range(count):
            self.y += gap
            self.painter.drawLine(QPointF(self.left, self.y), QPointF(self.left + self.width, self.y))
