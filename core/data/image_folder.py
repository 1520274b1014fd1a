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

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from core.data.images import LoadedImage, load_image
from core.errors import DatasetError, ImageLoadError, Phrase

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
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
    """A visible regular file whose extension is one of IMAGE_EXTENSIONS (any case)."""
    return (not path.name.startswith(".") and path.suffix.lower() in IMAGE_EXTENSIONS
            and path.is_file())


def scan_image_folder(root: str | os.PathLike, class_names: Sequence[str] | None = None) -> ImageFolder:
    """List the classes (subfolders) and their image files; DatasetError if the folder cannot be used.

    With `class_names`, the subfolders must be exactly those names (in that order for the
    class indices); otherwise the classes are the visible subfolders, sorted by name.
    """
    root = Path(os.path.expanduser(os.fspath(root)))
    name = str(root)
    if not root.exists():
        raise DatasetError("The folder '{name}' does not exist; check the path.", name=name)
    if not root.is_dir():
        raise DatasetError("The path '{name}' is a file, not a folder; give the folder that holds one "
                           "subfolder per class.", name=name)
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise DatasetError(
            "The folder '{name}' cannot be read ({reason}); "
            "check its permissions.",
            name=name, reason=error.strerror.lower() if error.strerror else Phrase("refused"),
        ) from None
    subfolders = {p.name: p for p in entries if p.is_dir() and not p.name.startswith(".")}
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
        try:
            found = sorted((p for p in subfolders[class_name].iterdir() if is_image_file(p)), key=lambda p: p.name)
        except OSError as error:
            raise DatasetError(
                "The subfolder '{class_name}' of '{name}' cannot be read "
                "({reason}); check its permissions.",
                class_name=class_name, name=name,
                reason=error.strerror.lower() if error.strerror else Phrase("refused"),
            ) from None
        files.append(tuple(found))
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
