"""Read a folder of labelled images laid out as one subfolder per class.

    photos/
        cat/   a.jpg  b.png ...
        dog/   c.jpeg ...

This is how a class brings its own pictures: to test a model (`main.py evaluate`) or,
later, to train one. The module knows nothing about models: it lists the classes and
their files, and decodes them one at a time with `core.data.images.load_image`, so a
folder of thousands of photos never sits in memory at once.

Unreadable files are skipped and counted, never fatal: `iter_images` yields them with
`None` instead of an image, and the `ImageFolder` keeps each one's ImageLoadError
sentence. A folder that cannot be used at all (missing, a file, no class subfolders, no
images) raises DatasetError with one sentence.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from core.data.images import LoadedImage, load_image
from core.errors import DatasetError, ImageLoadError, Phrase

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".avif", ".tif", ".tiff")
MAX_LISTED = 5  # names quoted in one error sentence before "and N more"


@dataclass
class ImageFolder:
    """The classes of a folder, the image files of each, and what went wrong while reading them."""

    root: Path
    class_names: tuple[str, ...]
    files: tuple[tuple[Path, ...], ...]  # files[i]: class i's images, sorted by name
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason), filled by iter_images

    @property
    def total(self) -> int:
        """How many image files were found (readable or not)."""
        return sum(len(paths) for paths in self.files)

    def counts(self) -> dict[str, int]:
        """Class name -> number of image files."""
        return {name: len(paths) for name, paths in zip(self.class_names, self.files)}

    def samples(self) -> list[tuple[Path, int]]:
        """Every (file, class index), class by class."""
        return [(path, index) for index, paths in enumerate(self.files) for path in paths]


def is_image_file(path: Path) -> bool:
    """A visible regular file whose extension is one of IMAGE_EXTENSIONS (any case).

    Decided from the file's metadata only: it is never opened, so a FIFO, a device, a socket,
    a broken link or a link loop with an image's name is skipped, never read or waited on.
    """
    if path.name.startswith(".") or path.suffix.lower() not in IMAGE_EXTENSIONS:
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _entries(folder: Path, name: str, class_name: str | None = None) -> list[Path]:
    """The folder's entries sorted by name; an unreadable folder is one DatasetError sentence."""
    try:
        with os.scandir(folder) as found:
            return sorted((Path(entry.path) for entry in found), key=lambda p: p.name)
    except (OSError, ValueError) as error:
        reason = _reason(error)
        if class_name is None:
            raise DatasetError("The folder '{name}' cannot be read ({reason}); check its permissions.",
                               name=name, reason=reason) from None
        raise DatasetError("The subfolder '{class_name}' of '{name}' cannot be read ({reason}); check its permissions.",
                           class_name=class_name, name=name, reason=reason) from None


def _reason(error: BaseException) -> str:
    strerror = getattr(error, "strerror", None)
    return strerror.rstrip(".").lower() if strerror else Phrase("refused")


def shown_folder(path: str | os.PathLike, limit: int = 80) -> str:
    """A folder's path as a sentence shows it: printable, and only its end if it is very long."""
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in os.fspath(path))
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def scan_image_folder(root: str | os.PathLike, class_names: Sequence[str] | None = None) -> ImageFolder:
    """List the classes (subfolders) and their image files; DatasetError if the folder cannot be used.

    With `class_names`, the subfolders must be exactly those names (in that order for the
    class indices); otherwise the classes are the visible subfolders, sorted by name. Nothing
    is opened while listing: entries that are not regular files or folders are left out.
    """
    try:
        root = Path(os.path.expanduser(os.fspath(root)))
    except (TypeError, ValueError, RuntimeError):
        raise DatasetError("'{name}' is not a folder path; give the folder that holds one subfolder per class.",
                           name=shown_folder(str(root))) from None
    name = shown_folder(root)
    try:
        info = os.stat(root)
    except FileNotFoundError:
        raise DatasetError("The folder '{name}' does not exist; check the path.", name=name) from None
    except (OSError, ValueError) as error:
        if getattr(error, "errno", None) == errno.ENAMETOOLONG:
            raise DatasetError("The path '{name}' is too long for this system; move the folder to a shorter path.",
                               name=name) from None
        if getattr(error, "errno", None) == errno.ENOTDIR:
            raise DatasetError("The folder '{name}' does not exist; check the path.", name=name) from None
        raise DatasetError("The folder '{name}' cannot be read ({reason}); check its permissions.",
                           name=name, reason=_reason(error)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise DatasetError("The path '{name}' is a file, not a folder; give the folder that holds one "
                           "subfolder per class.", name=name)
    entries = _entries(root, name)
    subfolders = {p.name: p for p in entries if not p.name.startswith(".") and _is_folder(p)}
    unprintable = sorted(n for n in subfolders if not n.isprintable())
    if unprintable:
        raise DatasetError("A subfolder of '{name}' has a control character (such as a line break) in its name, "
                           "which cannot be a class name; rename it.", name=name)
    if not subfolders:
        loose = sum(1 for p in entries if is_image_file(p))
        if loose:
            raise DatasetError(
                "The folder '{name}' has no class subfolders (it holds {loose} images directly); "
                "put each class's images in a subfolder named after the class.",
                name=name, loose=loose,
            )
        raise DatasetError("The folder '{name}' has no class subfolders; put each class's images in a "
                           "subfolder named after the class.", name=name)
    if class_names is None:
        names = tuple(sorted(subfolders))
    else:
        names = tuple(str(n) for n in class_names)
        missing = [n for n in names if n not in subfolders]
        unknown = sorted(n for n in subfolders if n not in names)
        if missing or unknown:
            parts = []
            if missing:
                parts.append(Phrase("{names} is missing", names=_listed(missing)) if len(missing) == 1
                             else Phrase("{names} are missing", names=_listed(missing)))
            if unknown:
                parts.append(Phrase("{names} is not a class", names=_listed(unknown)) if len(unknown) == 1
                             else Phrase("{names} are not classes", names=_listed(unknown)))
            raise DatasetError(
                "The subfolders of '{name}' must be named as the classes ({names}): {parts}.",
                name=name, names=_listed(names, limit=12),
                parts=parts[0] if len(parts) == 1 else Phrase("{first} and {second}", first=parts[0], second=parts[1]),
            )
    files = []
    for class_name in names:
        files.append(tuple(p for p in _entries(subfolders[class_name], name, class_name) if is_image_file(p)))
    if not any(files):
        raise DatasetError(
            "The class subfolders of '{name}' hold no images "
            "({extensions}); add some and try again.",
            name=name, extensions=", ".join(e.upper().lstrip(".") for e in IMAGE_EXTENSIONS),
        )
    return ImageFolder(root, names, tuple(files))


def iter_images(folder: ImageFolder, max_side: int = 1024) -> Iterator[tuple[Path, int, LoadedImage | None]]:
    """Decode each file in turn: (path, class index, image), or image None if it is unreadable.

    Each unreadable file is also appended to `folder.skipped` with its ImageLoadError
    sentence, so a caller may ignore the Nones and report the count at the end.
    """
    folder.skipped.clear()
    for path, index in folder.samples():
        try:
            image = load_image(path, max_side=max_side)
        except ImageLoadError as error:
            folder.skipped.append((path, str(error)))
            image = None
        yield path, index, image


def _listed(names: Sequence[str], limit: int = MAX_LISTED) -> str:
    """'a', 'a and b', 'a, b and c', or 'a, b, c, d, e and 3 more', each name quoted."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) > limit:
        quoted = quoted[:limit] + [Phrase("{count} more", count=len(names) - limit)]
    if len(quoted) == 1:
        return quoted[0]
    return Phrase("{first} and {last}", first=", ".join(quoted[:-1]), last=quoted[-1])
