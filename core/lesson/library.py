"""The lessons Glassbox knows: the built-in ones (assets/lessons) and those a teacher installed.

Installed lessons live in `installed_dir()`: $GLASSBOX_LESSON_DIR if set, else the platform's
data place (like core/nets/model_store.py's models). That folder is the teacher's, so it may hold
anything: every file there is read like any lesson file (capped, checked), a bad one is skipped
and its sentence kept for `list_problems()`, and no more than MAX_INSTALLED files are read.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from core.errors import LessonError
from core.files import atomic_write, read_bytes, shown_name, shown_path
from core.lesson.files import LESSON_SUFFIX, MAX_FILE_BYTES, lesson_from_bytes, read_lesson
from core.lesson.model import Lesson, Text, is_lesson_id

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "assets" / "lessons"
MAX_INSTALLED = 200       # lesson files read from the installed folder, in name order
MAX_FOLDER_ENTRIES = 10_000  # entries looked at in that folder before giving up on the rest

BUILT_IN = "built-in"
INSTALLED = "installed"

_problems: list[LessonError] = []  # what the last list_lessons() skipped, for list_problems()
_scanned = False


@dataclass(frozen=True)
class LessonEntry:
    """One lesson as a list shows it, without its scenes (read it with read_lesson(entry.path))."""

    id: str
    title: Text
    scenes: int
    minutes: int
    source: str  # BUILT_IN or INSTALLED
    path: Path


def builtin_dir() -> Path:
    """The lessons that come with Glassbox (next to core/, like the shipped models)."""
    return BUILTIN_DIR


def installed_dir() -> Path:
    """Where a teacher's lessons are installed: $GLASSBOX_LESSON_DIR, else the platform's data place."""
    override = os.environ.get("GLASSBOX_LESSON_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return (Path(appdata) if appdata else Path.home() / "AppData" / "Roaming") / "glassbox" / "lessons"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "glassbox" / "lessons"


def list_lessons() -> list[LessonEntry]:
    """Every readable lesson: the built-in ones first, then the installed ones, each group by file name.

    Never raises for what is in the folders: a file that is not a usable lesson is skipped, and so is
    an installed lesson whose identifier an earlier one already has; list_problems() says why.
    """
    global _scanned
    problems: list[LessonError] = []
    entries: list[LessonEntry] = []
    seen: dict[str, LessonEntry] = {}
    for source, folder in ((BUILT_IN, builtin_dir()), (INSTALLED, installed_dir())):
        for path in _lesson_files(folder, problems, limit=None if source == BUILT_IN else MAX_INSTALLED):
            try:
                lesson = read_lesson(path)
            except LessonError as error:
                problems.append(error)
                continue
            if lesson.id in seen:
                earlier = seen[lesson.id]
                problems.append(LessonError(
                    "{file} was skipped: its identifier '{id}' is already used by {other}; give it another "
                    "identifier in the lesson editor.", file=shown_name(path), id=lesson.id,
                    other=shown_name(earlier.path)))
                continue
            entry = LessonEntry(id=lesson.id, title=lesson.title, scenes=len(lesson.scenes),
                                minutes=lesson.total_minutes, source=source, path=path)
            seen[lesson.id] = entry
            entries.append(entry)
    _problems[:] = problems
    _scanned = True
    return entries


def list_problems() -> list[LessonError]:
    """Why the last list_lessons() skipped what it skipped, one error each (it lists first if it never ran).

    str(problem) is the English sentence; the GUI and the command line translate it (gui.i18n.say).
    """
    if not _scanned:
        list_lessons()
    return list(_problems)


def _lesson_files(folder: Path, problems: list[LessonError], limit: int | None) -> list[Path]:
    """The *.glassbox-lesson names in `folder`, sorted; at most `limit` of them (a sentence if more)."""
    names: list[str] = []
    try:
        with os.scandir(folder) as listing:
            for looked, item in enumerate(listing):
                if looked >= MAX_FOLDER_ENTRIES:
                    break
                if item.name.endswith(LESSON_SUFFIX) and not item.name.startswith("."):
                    names.append(item.name)
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        problems.append(LessonError("The lessons folder {folder} is a file, not a folder; move it away so that "
                                    "lessons can be installed.", folder=shown_path(folder)))
        return []
    except OSError:
        problems.append(LessonError("The lessons folder {folder} cannot be read; check that you may read it.",
                                    folder=shown_path(folder)))
        return []
    names.sort()
    if limit is not None and len(names) > limit:
        problems.append(LessonError("The lessons folder {folder} holds {count} lessons; only the first {limit} are "
                                    "listed: remove the ones you no longer use.",
                                    folder=shown_path(folder), count=len(names), limit=limit))
        names = names[:limit]
    return [folder / name for name in names]


def find_lesson(id_or_path: str | os.PathLike) -> Lesson:
    """The lesson with this identifier (built-in or installed), else the lesson file at this path."""
    text = os.fspath(id_or_path)
    if is_lesson_id(text):
        for entry in list_lessons():
            if entry.id == text:
                return read_lesson(entry.path)
    if _exists(text):
        return read_lesson(text)
    raise LessonError("There is no lesson '{name}': it is neither a built-in or installed lesson nor a lesson file; "
                      "check the name (the list of lessons gives each one's identifier).",
                      name=shown_path(text) if text else "")


def _exists(text: str) -> bool:
    try:
        return bool(text) and os.path.lexists(text)
    except (OSError, ValueError):  # a NUL byte, a name too long
        return False


def install_lesson(path: str | os.PathLike) -> Path:
    """Copy a checked lesson file into installed_dir() as <id>.glassbox-lesson; the installed path.

    An installed lesson with the same identifier is replaced (a newer version of it); a built-in
    lesson's identifier is refused, so the built-in lesson stays the one its identifier names.
    """
    file = shown_name(path)
    data = read_bytes(path, limit=MAX_FILE_BYTES, error=LessonError)
    lesson = lesson_from_bytes(data, file)
    for entry in list_lessons():
        if entry.source == BUILT_IN and entry.id == lesson.id:
            raise LessonError("{file} has the identifier '{id}' of a built-in lesson; give it another identifier "
                              "in the lesson editor, save it, and install it again.", file=file, id=lesson.id)
    folder = installed_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError):
        raise LessonError("The lessons folder {folder} cannot be created; check that you may write there.",
                          folder=shown_path(folder)) from None
    target = folder / f"{lesson.id}{LESSON_SUFFIX}"
    atomic_write(target, data, error=LessonError)
    return target
