"""Image decoding for the convolution lab: every file is generated here with Pillow."""

from __future__ import annotations

import dataclasses
import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, JpegImagePlugin, features

from core.data import images
from core.data.images import LoadedImage, decode_image, from_array, load_image, to_model_input
from core.errors import GlassboxError, ImageLoadError

WEBP = features.check("webp")
RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)


def save(tmp_path: Path, name: str, image: Image.Image, fmt: str, **options) -> Path:
    path = tmp_path / name
    image.save(path, fmt, **options)
    return path


def two_colours(left=RED, right=BLUE, size=(64, 48)) -> Image.Image:
    image = Image.new("RGB", size, left)
    ImageDraw.Draw(image).rectangle((size[0] // 2, 0, size[0], size[1]), fill=right)
    return image


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a size in its header and holds (almost) no pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grayscale
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + png_chunk(b"IEND", b"")
    )


def noise(size=(64, 64), seed=0) -> Image.Image:
    pixels = np.random.default_rng(seed).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    return Image.fromarray(pixels)


def assert_sentence(error: ImageLoadError, name: str, tmp_path: Path | None = None) -> str:
    """One sentence a person can act on: names the file (not its folder), no newline."""
    message = str(error)
    assert isinstance(error, GlassboxError)
    assert name in message, message
    assert "\n" not in message and message.endswith("."), message
    assert ". " not in message, f"more than one sentence: {message}"
    assert ";" in message, f"no advice on what to do: {message}"
    if tmp_path is not None:
        assert str(tmp_path) not in message, message
    return message


def assert_valid(image: LoadedImage) -> None:
    assert image.pixels.dtype == np.uint8
    assert image.pixels.ndim == 3 and image.pixels.shape[2] == 3
    assert image.pixels.flags.c_contiguous


def close(actual, expected, tolerance=12) -> bool:
    return bool(np.all(np.abs(np.asarray(actual, int) - np.asarray(expected, int)) <= tolerance))


# --- formats and modes -----------------------------------------------------------------


def test_jpeg_rgb(tmp_path):
    loaded = load_image(save(tmp_path, "photo.jpg", two_colours(), "JPEG", quality=95))
    assert_valid(loaded)
    assert loaded.pixels.shape == (48, 64, 3)
    assert (loaded.name, loaded.format, loaded.original_size) == ("photo.jpg", "JPEG", (64, 48))
    assert not loaded.was_grayscale
    assert close(loaded.pixels[24, 8], RED) and close(loaded.pixels[24, 56], BLUE)


def test_jpeg_cmyk_comes_out_as_correct_rgb_not_inverted(tmp_path):
    image = Image.new("CMYK", (64, 16), (0, 0, 0, 0))  # white paper
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, 15), fill=(0, 255, 255, 0))  # red
    draw.rectangle((16, 0, 31, 15), fill=(255, 0, 0, 0))  # cyan
    draw.rectangle((32, 0, 47, 15), fill=(0, 0, 0, 255))  # black
    path = save(tmp_path, "print.jpg", image, "JPEG", quality=95)
    assert Image.open(path).mode == "CMYK"
    pixels = load_image(path).pixels
    assert close(pixels[8, 8], RED, 20)
    assert close(pixels[8, 24], (0, 255, 255), 20)
    assert close(pixels[8, 40], (0, 0, 0), 20)
    assert close(pixels[8, 56], WHITE, 20)


@pytest.mark.parametrize(
    "orientation, corner",
    [(6, (0, -1)), (8, (-1, 0)), (3, (-1, -1))],
    ids=["rotate-90-cw:top-right", "rotate-90-ccw:bottom-left", "rotate-180:bottom-right"],
)
def test_jpeg_exif_orientation_is_applied(tmp_path, orientation, corner):
    stored = Image.new("RGB", (48, 24), WHITE)  # wide as stored, with a red mark top-left
    ImageDraw.Draw(stored).rectangle((0, 0, 7, 7), fill=RED)
    exif = Image.Exif()
    exif[0x0112] = orientation
    loaded = load_image(save(tmp_path, "phone.jpg", stored, "JPEG", quality=95, exif=exif.tobytes()))
    upright = (24, 48) if orientation in (6, 8) else (48, 24)
    assert loaded.original_size == upright
    assert loaded.pixels.shape[:2] == (upright[1], upright[0])
    inside = {0: 3, -1: -4}  # a pixel inside the 8×8 mark, from either edge
    red_corners = [(r, c) for r in (0, -1) for c in (0, -1) if close(loaded.pixels[inside[r], inside[c]], RED, 30)]
    assert red_corners == [corner]


def test_png_rgb_is_exact(tmp_path):
    loaded = load_image(save(tmp_path, "diagram.png", two_colours(GREEN, (10, 20, 30)), "PNG"))
    assert_valid(loaded)
    assert loaded.format == "PNG" and not loaded.was_grayscale
    assert tuple(loaded.pixels[0, 0]) == GREEN and tuple(loaded.pixels[-1, -1]) == (10, 20, 30)


def test_png_rgba_is_composited_on_white(tmp_path):
    image = Image.new("RGBA", (3, 1))
    image.putdata([(255, 0, 0, 255), (0, 0, 0, 0), (255, 0, 0, 128)])  # opaque, transparent, half
    pixels = load_image(save(tmp_path, "sticker.png", image, "PNG")).pixels
    assert tuple(pixels[0, 0]) == RED
    assert tuple(pixels[0, 1]) == WHITE
    assert close(pixels[0, 2], (255, 127, 127), 1)


def test_png_16_bit_grayscale_is_rescaled_not_clamped(tmp_path):
    raw = np.array([[65535, 32768, 0, 257]], dtype=np.uint16)
    path = save(tmp_path, "scan16.png", Image.fromarray(raw), "PNG")
    assert Image.open(path).mode in ("I;16", "I")
    loaded = load_image(path)
    assert loaded.was_grayscale
    assert loaded.pixels[0, :, 0].tolist() == [255, 128, 0, 1]
    assert (loaded.pixels[..., 0] == loaded.pixels[..., 2]).all()


def test_png_palette_transparent_index_becomes_white(tmp_path):
    image = Image.new("P", (4, 2), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    ImageDraw.Draw(image).rectangle((2, 0, 3, 1), fill=1)
    path = save(tmp_path, "palette.png", image, "PNG", transparency=1)
    assert Image.open(path).mode == "P"
    pixels = load_image(path).pixels
    assert tuple(pixels[0, 0]) == RED and tuple(pixels[0, 3]) == WHITE


def test_la_png_is_gray_on_white(tmp_path):
    image = Image.new("LA", (4, 1), (80, 255))
    image.putpixel((3, 0), (0, 0))
    loaded = load_image(save(tmp_path, "ink.png", image, "PNG"))
    assert loaded.was_grayscale
    assert loaded.pixels[0, 0].tolist() == [80, 80, 80] and loaded.pixels[0, 3].tolist() == [255, 255, 255]


def test_one_bit_png_is_black_and_white(tmp_path):
    image = Image.new("1", (8, 8), 0)
    image.putpixel((7, 7), 1)
    loaded = load_image(save(tmp_path, "bits.png", image, "PNG"))
    assert loaded.was_grayscale
    assert set(np.unique(loaded.pixels).tolist()) == {0, 255}
    assert loaded.pixels[7, 7].tolist() == [255, 255, 255] and loaded.pixels[0, 0].tolist() == [0, 0, 0]


@pytest.mark.parametrize("fmt, suffix", [("PNG", "png"), ("JPEG", "jpg"), ("BMP", "bmp"), ("GIF", "gif")])
def test_grayscale_images_become_three_equal_channels(tmp_path, fmt, suffix):
    gray = Image.linear_gradient("L").resize((32, 32))
    loaded = load_image(save(tmp_path, f"gray.{suffix}", gray, fmt))
    assert_valid(loaded)
    assert loaded.was_grayscale
    assert (loaded.pixels == loaded.pixels[..., :1]).all()
    assert loaded.pixels[0, 0, 0] < 30 and loaded.pixels[-1, 0, 0] > 225  # dark at the top, light below


def test_bmp(tmp_path):
    loaded = load_image(save(tmp_path, "paint.bmp", two_colours(), "BMP"))
    assert loaded.format == "BMP"
    assert tuple(loaded.pixels[0, 0]) == RED and tuple(loaded.pixels[0, -1]) == BLUE


@pytest.mark.skipif(not WEBP, reason="this Pillow build has no WebP support (features.check('webp') is False)")
def test_webp(tmp_path):
    loaded = load_image(save(tmp_path, "web.webp", two_colours(), "WEBP", lossless=True))
    assert loaded.format == "WEBP"
    assert tuple(loaded.pixels[0, 0]) == RED and tuple(loaded.pixels[0, -1]) == BLUE


def test_animated_gif_gives_its_first_frame(tmp_path):
    frames = [Image.new("RGB", (16, 16), colour) for colour in (RED, GREEN, BLUE)]
    path = tmp_path / "blink.gif"
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(path).n_frames == 3
    loaded = load_image(path)
    assert loaded.format == "GIF" and loaded.pixels.shape == (16, 16, 3)
    assert (loaded.pixels == RED).all()


def test_large_jpeg_is_drafted_not_decoded_at_full_size(tmp_path, monkeypatch):
    photo = Image.new("RGB", (6000, 4000), (30, 120, 200))
    ImageDraw.Draw(photo).rectangle((0, 0, 599, 399), fill=RED)
    path = save(tmp_path, "camera.jpg", photo, "JPEG", quality=80)
    decoded_sizes = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def spy_load(self):
        decoded_sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy_load)
    loaded = load_image(path, max_side=1024)
    assert loaded.original_size == (6000, 4000)
    assert loaded.pixels.shape == (683, 1024, 3)
    assert decoded_sizes and max(decoded_sizes[0]) <= 1500, f"decoded at {decoded_sizes[0]}, not drafted"
    assert close(loaded.pixels[10, 10], RED, 20) and close(loaded.pixels[400, 600], (30, 120, 200), 20)


def test_other_large_images_are_downscaled_with_their_aspect_ratio(tmp_path):
    loaded = load_image(save(tmp_path, "banner.png", two_colours(size=(2000, 500)), "PNG"), max_side=256)
    assert loaded.pixels.shape == (64, 256, 3)
    assert loaded.original_size == (2000, 500)
    assert tuple(loaded.pixels[32, 10]) == RED and tuple(loaded.pixels[32, 250]) == BLUE


def test_small_images_are_not_upscaled(tmp_path):
    assert load_image(save(tmp_path, "tiny.png", two_colours(size=(5, 3)), "PNG")).pixels.shape == (3, 5, 3)


def test_decode_image_reads_bytes_and_the_result_is_frozen():
    buffer = io.BytesIO()
    two_colours().save(buffer, "PNG")
    loaded = decode_image(buffer.getvalue(), name="clipboard image")
    assert loaded.name == "clipboard image" and loaded.size == (64, 48)
    assert decode_image(memoryview(buffer.getvalue())).size == (64, 48)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.name = "other"


# --- refusals ------------------------------------------------------------------------------


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_text("this is not a picture\n")
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "PNG, JPEG, GIF, BMP or WebP" in assert_sentence(caught.value, "photo.txt", tmp_path)


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "empty" in assert_sentence(caught.value, "empty.png", tmp_path)


@pytest.mark.parametrize("fmt, suffix", [("PNG", "png"), ("JPEG", "jpg")])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_files_are_refused_never_half_grey(tmp_path, fmt, suffix, keep):
    buffer = io.BytesIO()
    noise().save(buffer, fmt)
    data = buffer.getvalue()
    path = tmp_path / f"cut.{suffix}"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "damaged or incomplete" in assert_sentence(caught.value, f"cut.{suffix}", tmp_path)


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.png"
    path.write_bytes(np.random.default_rng(1).bytes(4096))
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert_sentence(caught.value, "noise.png", tmp_path)


def test_decompression_bomb_beyond_pillows_ceiling_is_refused(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(30000, 30000))
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "too large" in assert_sentence(caught.value, "bomb.png", tmp_path)


def test_image_over_the_pixel_limit_is_refused_from_its_header_without_warnings(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(png_header_only(12000, 10000))  # 120 MP: Pillow only warns, we refuse
    with warnings.catch_warnings(record=True) as caught_warnings:
        warnings.simplefilter("always")
        with pytest.raises(ImageLoadError) as caught:
            load_image(path)
    message = assert_sentence(caught.value, "huge.png", tmp_path)
    assert "12000×10000" in message and "100-megapixel" in message  # refused before decoding the (missing) data
    assert [w for w in caught_warnings if issubclass(w.category, Image.DecompressionBombWarning)] == []
    assert caught_warnings == []


def test_jpeg_pixel_limit_counts_the_drafted_size(tmp_path):
    buffer = io.BytesIO()
    noise((16, 16)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 10000, 12000)  # claims 12000×10000 = 120 MP
    path = tmp_path / "claims.jpg"
    path.write_bytes(bytes(data))
    with pytest.raises(ImageLoadError) as caught:
        load_image(path, max_side=20000)  # no draft: 120 MP would be decoded, so it is refused unread
    assert "12000×10000" in assert_sentence(caught.value, "claims.jpg")
    drafted = load_image(path, max_side=1024)  # decoded at 1/8 scale (1500×1250): allowed
    assert drafted.original_size == (12000, 10000) and drafted.pixels.shape == (853, 1024, 3)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImageLoadError) as caught:
        load_image(tmp_path / "gone.jpg")
    assert "does not exist" in assert_sentence(caught.value, "gone.jpg", tmp_path)


def test_directory_is_refused(tmp_path):
    (tmp_path / "holiday").mkdir()
    with pytest.raises(ImageLoadError) as caught:
        load_image(tmp_path / "holiday")
    assert "folder" in assert_sentence(caught.value, "holiday", tmp_path)


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = save(tmp_path, "locked.png", two_colours(), "PNG")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    with pytest.raises(ImageLoadError) as caught, monkeypatch.context() as patched:
        patched.setattr(os, "open", denied)  # root can read any file, so fake it
        load_image(path)
    assert "permission" in assert_sentence(caught.value, "locked.png", tmp_path)


def test_zero_width_image_is_refused(tmp_path):
    path = tmp_path / "flat.png"
    path.write_bytes(png_header_only(0, 10))
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert "no pixels" in assert_sentence(caught.value, "flat.png", tmp_path)


def test_unnamed_bytes_are_called_the_image():
    with pytest.raises(ImageLoadError) as caught:
        decode_image(b"hello")
    assert str(caught.value).startswith("The image is not")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "BMP"] + (["WEBP"] if WEBP else []))
def test_corrupted_files_never_raise_anything_but_image_load_error(fmt):
    buffer = io.BytesIO()
    noise((16, 16), seed=2).save(buffer, fmt)
    data = buffer.getvalue()
    rng = np.random.default_rng(3)
    for _ in range(25):
        mutated = bytearray(data)
        if rng.random() < 0.3:
            mutated = mutated[: int(rng.integers(1, len(data)))]
        else:
            for position in rng.integers(0, min(len(data), 120), size=3):
                mutated[position] = int(rng.integers(0, 256))
        try:
            assert_valid(decode_image(bytes(mutated), name=f"fuzz.{fmt.lower()}"))
        except ImageLoadError as error:
            assert_sentence(error, f"fuzz.{fmt.lower()}")


# --- from_array --------------------------------------------------------------------------


def test_from_array_gray_uint8():
    loaded = from_array(np.arange(12, dtype=np.uint8).reshape(3, 4), "drawing")
    assert_valid(loaded)
    assert loaded.was_grayscale and loaded.format == "array" and loaded.original_size == (4, 3)
    assert loaded.pixels[2, 3].tolist() == [11, 11, 11]


def test_from_array_float_rgb_and_uint16_gray():
    rgb = from_array(np.ones((2, 2, 3)) * [1.0, 0.5, 0.0], "canvas")
    assert rgb.pixels[0, 0].tolist() == [255, 128, 0] and not rgb.was_grayscale
    gray = from_array(np.full((2, 2), 65535, dtype=np.uint16), "scan")
    assert gray.pixels[0, 0].tolist() == [255, 255, 255]


def test_from_array_composites_alpha_on_white():
    rgba = np.zeros((1, 2, 4), dtype=np.uint8)
    rgba[0, 0] = (255, 0, 0, 255)
    rgba[0, 1] = (255, 0, 0, 0)
    pixels = from_array(rgba, "clipboard image").pixels
    assert pixels[0, 0].tolist() == [255, 0, 0] and pixels[0, 1].tolist() == [255, 255, 255]
    gray_alpha = from_array(np.array([[[0.0, 0.0], [0.0, 1.0]]], dtype=np.float32), "ink")
    assert gray_alpha.was_grayscale and gray_alpha.pixels[0, :, 0].tolist() == [255, 0]


def test_from_array_downscales_to_max_side():
    assert from_array(np.zeros((400, 100), dtype=np.uint8), "tall", max_side=100).pixels.shape == (100, 25, 3)


@pytest.mark.parametrize(
    "array",
    [
        np.zeros((0, 5), dtype=np.uint8),
        np.zeros((5,), dtype=np.uint8),
        np.zeros((2, 2, 2, 3), dtype=np.uint8),
        np.zeros((4, 4, 5), dtype=np.uint8),
        np.full((2, 2), np.nan),
        np.full((2, 2), 200.0),
        np.full((2, 2), -3, dtype=np.int32),
        np.array([["a", "b"]]),
    ],
    ids=["zero-size", "1-d", "4-d", "5-channels", "nan", "float-over-1", "negative-int", "strings"],
)
def test_from_array_refuses_nonsense(array):
    with pytest.raises(ImageLoadError) as caught:
        from_array(array, "drawing")
    assert_sentence(caught.value, "drawing")


# --- to_model_input ---------------------------------------------------------------------


def paper_with_square(size=(60, 30), paper=230, ink=10, square=10) -> LoadedImage:
    """Dark ink on light paper: a square in the middle of a (width, height) sheet."""
    pixels = np.full((size[1], size[0]), paper, dtype=np.uint8)
    top, left = (size[1] - square) // 2, (size[0] - square) // 2
    pixels[top : top + square, left : left + square] = ink
    return from_array(pixels, "digit photo")


@pytest.mark.parametrize("channels, size", [(1, (28, 28)), (3, (32, 48))])
def test_model_input_shape_dtype_range(channels, size):
    x = to_model_input(from_array(np.asarray(noise((50, 40))), "photo"), size, channels)
    assert x.shape == (channels, *size) and x.dtype == np.float32 and x.flags.c_contiguous
    assert 0.0 <= x.min() and x.max() <= 1.0


def test_model_input_grayscale_uses_luminance():
    red = from_array(np.full((8, 8, 3), RED, dtype=np.uint8), "red")
    x = to_model_input(red, (4, 4), channels=1, keep_aspect="stretch")
    assert np.allclose(x, 0.299, atol=2 / 255)


def test_model_input_invert_makes_dark_on_light_digit_light_on_dark():
    x = to_model_input(paper_with_square(size=(28, 28)), (28, 28), channels=1, invert=True)
    assert x[0, 0, 0] == pytest.approx(1 - 230 / 255, abs=1e-6)  # paper becomes dark
    assert x[0, 14, 14] == pytest.approx(1 - 10 / 255, abs=0.02)  # ink becomes bright


def test_model_input_letterbox_keeps_aspect_and_centre_on_paper_colour():
    image = paper_with_square(size=(80, 40), paper=230, square=16)
    padded = to_model_input(image, (40, 40), channels=1)[0]
    assert np.allclose(padded[:8], 230 / 255) and np.allclose(padded[-8:], 230 / 255)  # paper-coloured bars
    ink_rows, ink_cols = np.nonzero(padded < 0.5)
    assert np.ptp(ink_rows) == np.ptp(ink_cols)  # the square is still square
    assert ink_rows.mean() == pytest.approx(19.5, abs=0.5) and ink_cols.mean() == pytest.approx(19.5, abs=0.5)
    stretched = to_model_input(image, (40, 40), channels=1, keep_aspect="stretch")[0]
    rows, cols = np.nonzero(stretched < 0.5)
    assert np.ptp(rows) > 1.5 * np.ptp(cols)  # stretching squeezes it into a tall bar


def test_model_input_pad_colour_is_the_border_median_per_channel():
    pixels = np.zeros((10, 40, 3), dtype=np.uint8)
    pixels[...] = (200, 180, 160)
    pixels[0, :3] = (0, 0, 0)  # a few dark specks on the border do not change the median
    x = to_model_input(from_array(pixels, "card"), (40, 40), channels=3)
    assert np.allclose(x[:, 0, 0], np.array([200, 180, 160]) / 255)


def test_model_input_normalisation():
    image = from_array(np.asarray(noise((20, 20), seed=4)), "photo")
    plain = to_model_input(image, (16, 16), channels=3)
    mean, std = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)
    normalised = to_model_input(image, (16, 16), channels=3, mean=mean, std=std)
    expected = (plain - np.array(mean, np.float32)[:, None, None]) / np.array(std, np.float32)[:, None, None]
    assert normalised.dtype == np.float32 and np.allclose(normalised, expected, atol=1e-6)
    mnist = to_model_input(image, (16, 16), channels=1, invert=True, mean=0.1307, std=0.3081)
    inverted = 1 - to_model_input(image, (16, 16), channels=1)
    assert np.allclose(mnist, (inverted - 0.1307) / 0.3081, atol=1e-5)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"channels": 2},
        {"keep_aspect": "crop"},
        {"size": (0, 28)},
        {"std": 0.0},
        {"mean": (0.1, 0.2)},
    ],
)
def test_model_input_refuses_bad_arguments(kwargs):
    arguments = {"size": (28, 28), "channels": 1, **kwargs}
    with pytest.raises(ValueError):
        to_model_input(paper_with_square(), **arguments)
