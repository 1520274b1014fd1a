"""scan_image_folder and iter_images: one subfolder per class, unreadable files skipped and counted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.data.image_folder import ImageFolder, iter_images, scan_image_folder
from core.errors import DatasetError


def save_picture(path: Path, value: int = 0, fmt: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.full((12, 16, 3), value, dtype=np.uint8)).save(path, format=fmt)
    return path


@pytest.fixture
def photos(tmp_path) -> Path:
    """cat: 2 images (one .JPG in capitals), dog: 3 (one corrupt), plus things that are not images."""
    root = tmp_path / "photos"
    save_picture(root / "cat" / "a.png", 10)
    save_picture(root / "cat" / "B.JPG", 20, "JPEG")
    save_picture(root / "dog" / "c.webp", 30, "WEBP")
    save_picture(root / "dog" / "d.bmp", 40)
    (root / "dog" / "e.jpeg").write_bytes(b"\xff\xd8\xff this is not really a JPEG")
    (root / "dog" / "notes.txt").write_text("not an image")
    save_picture(root / "dog" / ".hidden.png", 50)
    (root / ".thumbnails").mkdir()
    save_picture(root / ".thumbnails" / "x.png")
    (root / "readme.md").write_text("a stray file next to the class folders")
    return root


def test_classes_are_the_sorted_visible_subfolders_and_files_are_found_by_extension(photos):
    folder = scan_image_folder(photos)
    assert isinstance(folder, ImageFolder)
    assert folder.class_names == ("cat", "dog")
    assert [[p.name for p in paths] for paths in folder.files] == [["B.JPG", "a.png"], ["c.webp", "d.bmp", "e.jpeg"]]
    assert folder.counts() == {"cat": 2, "dog": 3} and folder.total == 5
    assert folder.samples()[0] == (photos / "cat" / "B.JPG", 0)


def test_given_class_names_set_the_order_of_the_class_indices(photos):
    folder = scan_image_folder(photos, ["dog", "cat"])
    assert folder.class_names == ("dog", "cat")
    assert {index for path, index in folder.samples() if path.parent.name == "cat"} == {1}


def test_every_file_is_yielded_and_an_unreadable_one_is_skipped_counted_and_explained(photos):
    folder = scan_image_folder(photos)
    seen = list(iter_images(folder))
    assert [(p.name, i) for p, i, _ in seen] == [("B.JPG", 0), ("a.png", 0), ("c.webp", 1), ("d.bmp", 1),
                                                ("e.jpeg", 1)]
    images = {p.name: image for p, _, image in seen}
    assert images["e.jpeg"] is None
    assert images["a.png"].pixels.shape == (12, 16, 3) and int(images["d.bmp"].pixels[0, 0, 0]) == 40
    assert len(folder.skipped) == 1
    path, reason = folder.skipped[0]
    assert path.name == "e.jpeg" and "e.jpeg" in reason and reason.endswith(".")
    list(iter_images(folder))  # a second pass starts the count again
    assert len(folder.skipped) == 1


def test_max_side_downscales_while_reading(tmp_path):
    save_picture(tmp_path / "big" / "one.png")
    Image.fromarray(np.zeros((300, 600, 3), dtype=np.uint8)).save(tmp_path / "big" / "one.png")
    (_, _, image), = iter_images(scan_image_folder(tmp_path), max_side=100)
    assert image.size == (100, 50) and image.original_size == (600, 300)


def test_a_class_with_no_images_is_kept_with_zero_files(tmp_path):
    save_picture(tmp_path / "a" / "x.png")
    (tmp_path / "b").mkdir()
    folder = scan_image_folder(tmp_path)
    assert folder.counts() == {"a": 1, "b": 0}


def one_sentence(error: pytest.ExceptionInfo) -> str:
    text = str(error.value)
    assert "\n" not in text and text.endswith(".") and text[0].isupper(), text
    return text


@pytest.mark.parametrize("kind, fragment", [
    ("missing", "does not exist"),
    ("file", "is a file"),
    ("no-subfolders", "no class subfolders"),
    ("loose-images", "holds 2 images directly"),
    ("no-images", "hold no images"),
])
def test_a_folder_that_cannot_be_used_is_one_dataset_error_sentence(tmp_path, kind, fragment):
    root = tmp_path / "data"
    if kind == "file":
        root.write_text("x")
    elif kind == "no-subfolders":
        root.mkdir()
        (root / "notes.txt").write_text("x")
    elif kind == "loose-images":
        save_picture(root / "a.png")
        save_picture(root / "b.png")
    elif kind == "no-images":
        (root / "cat").mkdir(parents=True)
        (root / "dog").mkdir()
        (root / "dog" / "notes.txt").write_text("x")
        save_picture(root / "dog" / ".hidden.png")
    with pytest.raises(DatasetError) as error:
        scan_image_folder(root)
    assert fragment in one_sentence(error)


def test_subfolders_that_do_not_match_the_class_names_are_named_in_the_sentence(tmp_path):
    for name in ("0", "1", "2", "seven"):
        save_picture(tmp_path / name / "x.png")
    with pytest.raises(DatasetError) as error:
        scan_image_folder(tmp_path, [str(d) for d in range(10)])
    text = one_sentence(error)
    assert "'3', '4', '5', '6', '7' and 2 more are missing" in text
    assert "'seven' is not a class" in text


def test_one_missing_class_is_named(tmp_path):
    save_picture(tmp_path / "cat" / "x.png")
    with pytest.raises(DatasetError) as error:
        scan_image_folder(tmp_path, ["cat", "dog"])
    assert "'dog' is missing" in one_sentence(error)
