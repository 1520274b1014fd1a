"""Checks made before the window's QApplication exists: is there a screen, and can the settings file be read?

Qt aborts the process (exit 134) when its platform plugin cannot start, with a message that
names the wrong thing; QSettings blocks forever on a settings file replaced by a FIFO and
reads any size of file. So before either is made:
- `display_problem()` says, in one sentence, what is missing for a screen (a display, or a
  library of Qt's xcb plugin and the package that installs it), or returns None;
- `unusable_settings_file()` names a settings file that is not a regular file of a sane size;
  `use_private_settings()` then points every QSettings of this run at a fresh private folder,
  so the window starts on its defaults and the user's file is left exactly as it is.

Nothing here imports Qt's GUI modules (QtCore only for the settings' paths): they need no display.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Mapping

# Platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
# The shared libraries Qt 6's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES = (
    ("libxcb.so.1", "libxcb1"), ("libX11-xcb.so.1", "libx11-xcb1"), ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"), ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"), ("libxcb-shm.so.0", "libxcb-shm0"), ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"), ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxkbcommon.so.0", "libxkbcommon0"),
)
SETTINGS_LIMIT = 4 * 2**20  # a settings file holds a few kilobytes; anything this big is not ours

Translate = Callable[[str, str], str]  # (context, English) -> the language in use, as cli.words.translate


def _english(_context: str, text: str) -> str:
    return text


# ------------------------------------------------------------------ the display
def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    load: Callable[[str], object] | None = None, translate: Translate = _english) -> str | None:
    """One sentence saying why no window can be shown here, or None when Qt should manage.

    Only Linux and other X11 systems are checked (Windows and macOS always have their platform).
    `load` opens a shared library by name (ctypes.CDLL; tests pass their own), `translate` turns an
    English sentence into the language in use.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    # QT_QPA_PLATFORM may list fallbacks ("wayland;xcb"), each with options after a colon: one that works is enough.
    chosen = [entry.split(":", 1)[0].strip().lower() for entry in environ.get("QT_QPA_PLATFORM", "").split(";")]
    chosen = [name for name in chosen if name]
    if not chosen:  # Qt's own choice: Wayland in a Wayland session, else xcb
        chosen = ["wayland", "xcb"] if environ.get("WAYLAND_DISPLAY") else ["xcb"]
    problems = [_platform_problem(name, environ, load, translate) for name in chosen]
    return None if None in problems else problems[0]


def _platform_problem(name: str, environ: Mapping[str, str], load, translate: Translate) -> str | None:
    """Why Qt's platform `name` cannot start here (one sentence), or None when it should."""
    if name in HEADLESS_PLATFORMS:
        return None
    if name.startswith("wayland"):
        if environ.get("WAYLAND_DISPLAY"):
            return None
        return translate("cli", "No Wayland display was found (WAYLAND_DISPLAY is not set); start Glassbox from a "
                         "desktop session, or use the command line's snapshot and export commands without a screen.")
    if name != "xcb":
        return None  # a platform we know nothing about: let Qt try it
    if not environ.get("DISPLAY"):
        return translate("cli", "No display was found (DISPLAY is not set): the window needs a desktop session, "
                         "ssh -X, or a virtual screen (xvfb-run python main.py); snapshot and export work "
                         "without one.")
    missing = missing_libraries(load)
    if missing:
        return translate("cli", "The window cannot open: the screen library {0} is missing; install it with "
                         "`sudo apt install {1}` and start Glassbox again.").format(
            ", ".join(name for name, _ in missing), " ".join(package for _, package in missing))
    if load is None and not can_connect(environ["DISPLAY"]):
        return translate("cli", "The display {0} cannot be reached; check that the desktop session is running "
                         "(or that DISPLAY is right) and start Glassbox again.").format(environ["DISPLAY"][:60])
    return None


def missing_libraries(load: Callable[[str], object] | None = None) -> list[tuple[str, str]]:
    """(library, package) for each library of Qt's xcb plugin that cannot be loaded."""
    load = load or ctypes.CDLL
    missing = []
    for library, package in XCB_LIBRARIES:
        try:
            load(library)
        except OSError:
            missing.append((library, package))
    return missing


def can_connect(display: str) -> bool:
    """True when an X server answers at `display` (xcb_connect, closed again at once)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
        xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
        xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
        connection = xcb.xcb_connect(display.encode("utf-8", "replace"), None)
        if not connection:
            return False
        broken = xcb.xcb_connection_has_error(connection)
        xcb.xcb_disconnect(connection)
        return broken == 0
    except (OSError, AttributeError):
        return True  # cannot ask: let Qt try


# ------------------------------------------------------------------ the settings file
def settings_files(organization: str, application: str, environ: Mapping[str, str] | None = None) -> list[Path]:
    """The files QSettings reads on Linux for these names: the user's, then the system's (XDG)."""
    environ = os.environ if environ is None else environ
    home = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".config")
    folders = [home] + [folder for folder in (environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if folder]
    files = []
    for folder in folders:
        files += [Path(folder) / organization / f"{application}.conf", Path(folder) / f"{organization}.conf"]
    return files


def unusable_settings_file(organization: str, application: str,
                           environ: Mapping[str, str] | None = None) -> Path | None:
    """A settings file that exists but is not a regular, readable file of a sane size; else None."""
    if not sys.platform.startswith("linux"):
        return None
    from core.errors import GlassboxError
    from core.files import check_regular

    for path in settings_files(organization, application, environ):
        if not os.path.lexists(path):
            continue
        try:
            check_regular(path, limit=SETTINGS_LIMIT)
        except GlassboxError:
            return path
    return None


def settings_file_sentence(path: Path) -> str:
    """The window's one sentence about a settings file it ignored, in the language now installed."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "WindowStart", "The settings file {0} cannot be used (it is not a readable file of a sane size), so Glassbox "
        "starts with its default settings and leaves that file as it is; remove or fix it to keep your settings "
        "again.").format(str(path)[:200])


def use_private_settings() -> str:
    """Point every QSettings of this run (user and system scope) at a new private folder; returns it."""
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="glassbox-settings-")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, scope, folder)
    return folder
