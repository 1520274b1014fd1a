"""Lessons on the command line: list and check them, picture a scene, print the handout.

    main.py lesson --list                        the built-in lessons, then the installed ones, one a line
    main.py lesson --check FILE                  is a lesson file a teacher wrote sound? "ok: ..." or one error
    main.py snapshot --lesson ID|FILE --scene N [--size 1024x768] --out scene.png   scene N as the class sees it
    main.py export handout --lesson ID|FILE --out handout.pdf    the worksheet (gui/lesson/handout.py)
    ... --lang zh_CN                             in Chinese

A scene is pictured by the real window, built offscreen with private settings (the user's
stay untouched): the lesson is opened in its player, the scene entered, and the picture
taken once the workers have answered (gui/lesson/scene_pictures.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import contextmanager

from cli.errors import CommandLineError, said, say_line, shown_value
from cli.words import translate

SCENE_SIZE = (1024, 768)  # a projector's picture, as the issue asks every scene to be looked at
HANDOUT_SIZE = (1024, 768)  # the window each handout picture is taken in
SNAPSHOT_USES = frozenset({"lesson", "scene", "size", "out", "lang"})
HANDOUT_USES = frozenset({"lesson", "out", "lang"})
GIVE_UP_MS = 15000  # headless, a slow machine may take a while to answer; the picture waits this long at most


# ---------------------------------------------------------------------- the grammar (cli/parser.py calls these)
def add_lesson_command(commands) -> None:
    lesson = commands.add_parser("lesson", help=translate("cli", "list the lessons, or check a lesson file"))
    from cli.parser import add_language_option

    add_language_option(lesson, suppress=True)
    lesson.add_argument("--list", action="store_true", default=False,
                        help=translate("cli", "list the built-in and installed lessons, one a line, identifier "
                                              "first"))
    lesson.add_argument("--check", default=None, metavar="FILE",
                        help=translate("cli", "check a lesson file: 'ok' with its scenes and minutes, or what is "
                                              "wrong"))


def add_lesson_options(parser: argparse.ArgumentParser, scene: bool) -> None:
    """--lesson (snapshot and export handout) and --scene (snapshot)."""
    group = parser.add_argument_group(translate("cli", "lessons (snapshot --lesson, export handout)"))
    group.add_argument("--lesson", default=None, metavar="ID|FILE",
                       help=translate("cli", "a lesson: its identifier (see lesson --list) or a lesson file"))
    if scene:
        from cli.parser import whole_number

        group.add_argument("--scene", type=whole_number, default=None, metavar="N",
                           help=translate("cli", "the scene to picture, from 1 (default 1), as the class sees it: "
                                                 "the whole window at 1024x768 unless --size says otherwise"))


# ---------------------------------------------------------------------- lesson --list / --check
def run(options: argparse.Namespace) -> int:
    if options.list == (options.check is not None):
        raise CommandLineError(translate("cli", "Give lesson --list, or lesson --check FILE."))
    if options.check is not None:
        return check_file(options.check)
    return list_lessons(language_of(options))


def list_lessons(language: str) -> int:
    from core.lesson.library import list_lessons as entries, list_problems

    found = entries()
    names = {"built-in": translate("cli", "Built-in"), "installed": translate("cli", "Installed")}
    rows = [(entry.id, translate("cli", "{0} scenes").format(entry.scenes),
             translate("cli", "{0} min").format(entry.minutes), names.get(entry.source, entry.source),
             entry.title.get(language)) for entry in found]
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(4)]
    for row in rows:
        say_line("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[4]]).rstrip())
    for problem in list_problems():
        say_line(said(problem) if isinstance(problem, Exception) else problem, sys.stderr, "warning: ")
    if not rows:
        say_line(translate("cli", "No lessons found."), sys.stderr, "note: ")
    return 0


def check_file(path: str) -> int:
    from core.lesson.files import read_lesson

    if not path.strip():
        raise CommandLineError(translate("cli", "--check needs a lesson file."))
    lesson = read_lesson(path)  # a LessonError is its one sentence, exit 2
    minutes = sum(scene.minutes for scene in lesson.scenes)
    # "ok: " stays English in every language, like "error: ", so a script can look for it.
    say_line(translate("cli", "{0} scenes, {1} minutes").format(len(lesson.scenes), minutes), prefix="ok: ")
    return 0


def language_of(options: argparse.Namespace) -> str:
    """The language asked for (--lang), else the system's: "zh_CN" or "en"."""
    from gui import i18n

    choice = getattr(options, "lang", None)
    return i18n.resolve(None if choice in (None, "system") else choice)


def find(options: argparse.Namespace):
    """The lesson --lesson names (an identifier, else a file): a LessonError says why not."""
    from core.lesson.library import find_lesson

    return find_lesson(options.lesson)


def refuse_others(options: argparse.Namespace, uses: frozenset[str], what: str) -> None:
    """Every option given that `what` does not read is refused by name (as cli/options.py refuse_unused)."""
    unused = sorted(name for name in getattr(options, "given", ()) if name not in uses | {"command", "what"})
    if unused:
        flags = translate("cli", " and ").join("--" + name.replace("_", "-") for name in unused)
        raise CommandLineError(translate("cli", "{0} does not apply to {1}; leave it out.").format(flags, what))


# ---------------------------------------------------------------------- snapshot --lesson
def snapshot_lesson(options: argparse.Namespace) -> int:
    from cli.options import check_output_path, parse_size

    refuse_others(options, SNAPSHOT_USES, "snapshot --lesson")
    out = check_output_path(options.out)
    size = parse_size(options.size) if "size" in getattr(options, "given", ()) else SCENE_SIZE
    lesson = find(options)
    number = 1 if options.scene is None else options.scene
    count = len(lesson.scenes)
    if not 1 <= number <= count:
        raise CommandLineError(translate("cli", "The lesson '{0}' has {1} scenes; choose --scene 1 to {1}, not {2}.")
                               .format(shown_value(lesson.id), count, number))
    refuse_unshowable(lesson, [number])
    from PySide6.QtCore import Qt

    from gui.lesson.scene_pictures import ScenePictures
    from gui.snapshot import save_png

    with lesson_window(lesson, size, number - 1) as window:
        pictures = ScenePictures(window, whole_window=True, give_up_ms=GIVE_UP_MS)
        wait_for(pictures, [number - 1])
        picture = pictures.pictures[0]
    if picture.width() != size[0] or picture.height() != size[1]:  # a window cannot be smaller than its minimum
        picture = picture.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    save_png(picture, out)
    say_line(out)
    return 0


# ---------------------------------------------------------------------- export handout
def export_handout(options: argparse.Namespace) -> int:
    from cli.options import check_output_path

    if options.lesson is None:
        raise CommandLineError(translate("cli", "export handout needs --lesson ID or --lesson FILE (see lesson "
                                                "--list)."))
    refuse_others(options, HANDOUT_USES, "export handout")
    out = check_output_path(options.out)
    lesson = find(options)
    language = language_of(options)
    refuse_unshowable(lesson, range(1, len(lesson.scenes) + 1))
    from gui.lesson.handout import write_handout
    from gui.lesson.scene_pictures import ScenePictures

    with lesson_window(lesson, HANDOUT_SIZE, 0) as window:
        pictures = ScenePictures(window, give_up_ms=GIVE_UP_MS)
        pictures.progressed.connect(_say_progress)
        wait_for(pictures, None)
        taken = list(pictures.pictures)
    write_handout(out, lesson, language, taken)
    say_line(out)
    return 0


def wait_for(pictures, indices: list[int] | None) -> None:
    """Take the pictures of scenes `indices` (None: all), in a local event loop; Ctrl+C stops it within a second.

    Python's own SIGINT handler runs only between Qt's calls into Python, and an exception raised in a slot
    does not leave the loop: so the signal quits the loop, a timer lets Python look often, and the
    interruption is raised once the loop is left (cli/__init__.py: `error: cancelled…`, nothing written).
    """
    import signal

    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    interrupted: list[bool] = []

    def on_interrupt(*_args) -> None:
        interrupted.append(True)
        pictures.cancel()
        loop.quit()

    pictures.finished.connect(loop.quit)
    awake = QTimer()
    awake.timeout.connect(lambda: None)
    awake.start(200)
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        pictures.start(indices, go_back=False)
        loop.exec()
    finally:
        signal.signal(signal.SIGINT, previous)
        awake.stop()
    if interrupted:
        raise KeyboardInterrupt


def _say_progress(done: int, total: int) -> None:
    if done < total:
        say_line(translate("cli", "picturing scene {0} of {1}…").format(done + 1, total), sys.stderr, "note: ")


@contextmanager
def lesson_window(lesson, size: tuple[int, int], start: int):
    """The main window, offscreen, at `size`, with private settings, `lesson` open on scene `start`; closed after."""
    from gui.snapshot import ensure_offscreen

    ensure_offscreen()
    from PySide6.QtCore import QSettings

    from gui.app import make_application

    app = make_application()
    from gui import i18n
    from gui.main_window import MainWindow

    language = i18n.current()
    with tempfile.TemporaryDirectory(prefix="glassbox-lesson-") as folder:
        settings = QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        try:
            if i18n.current() != language:  # the window's defaults chose another language: --lang wins
                window.menus.set_language(language)
            warnings: list[str] = []
            window.warn = warnings.append  # a message box would wait for a click that never comes
            window.resize(*size)
            window.show()
            app.processEvents()
            window.lessons.player.open(lesson, start=start)
            yield window
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
            settings.sync()
        for sentence in warnings:
            say_line(sentence, sys.stderr, "warning: ")


def refuse_unshowable(lesson, numbers) -> None:
    """A scene whose states a tab would not take (a hostile or damaged file) is its one sentence, before any window."""
    from gui.lesson.states import scene_problem

    for number in numbers:
        problem = scene_problem(lesson.scenes[number - 1], number)
        if problem is not None:
            raise CommandLineError(problem)
