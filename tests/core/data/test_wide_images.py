"""TIFF and wide pixels: 16-bit, 32-bit integer and float images are rescaled to 0-255 in numpy.

Policy (core/data/images.py): 16-bit by /257; 32-bit integers likewise when they lie in
0..65535, else by their range; floats by their finite minimum and maximum, NaN and infinity
black (0); an image with one value everywhere mid-grey (128).
"""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest
from PIL import Image, features

from core.data.images import MID_GREY, decode_image, load_image
from core.errors import ImageLoadError


def encoded(array: np.ndarray, fmt: str = "TIFF", **options) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, fmt, **options)
    return buffer.getvalue()


def gray(data: bytes) -> list:
    image = decode_image(data, name="scan.tif")
    assert image.was_grayscale and (image.pixels[..., 0] == image.pixels[..., 2]).all()
    return image.pixels[..., 0].tolist()


def test_an_ordinary_tiff_is_read(tmp_path):
    pixels = np.zeros((3, 4, 3), np.uint8)
    pixels[0, 0] = (250, 10, 20)
    path = tmp_path / "slide.tif"
    path.write_bytes(encoded(pixels, compression="tiff_lzw"))
    image = load_image(path)
    assert image.format == "TIFF" and image.pixels.tolist() == pixels.tolist()


def test_a_float_tiff_is_rescaled_by_its_finite_range_and_non_finite_pixels_are_black():
    pixels = np.array([[-1.0, 0.0, 1.0, 3.0], [np.nan, np.inf, -np.inf, 1.0]], np.float32)
    assert gray(encoded(pixels)) == [[0, 64, 128, 255], [0, 0, 0, 128]]


def test_a_constant_float_image_is_mid_grey_and_an_all_nan_image_black():
    assert gray(encoded(np.full((2, 3), 1234.5, np.float32))) == [[MID_GREY] * 3] * 2
    assert gray(encoded(np.full((2, 2), np.nan, np.float32))) == [[0, 0], [0, 0]]


def test_sixteen_bit_tiff_is_scaled_not_clamped():
    assert gray(encoded(np.array([[0, 257, 32768, 65535]], np.uint16))) == [[0, 1, 128, 255]]


def test_thirty_two_bit_integers_beyond_sixteen_bits_are_scaled_by_their_range():
    assert gray(encoded(np.array([[-100_000, 0, 100_000]], np.int32))) == [[0, 128, 255]]
    assert gray(encoded(np.array([[0, 65535]], np.int32))) == [[0, 255]]  # within 16 bits: as 16-bit


def _rgb_tiff(samples: np.ndarray, sample_format: int) -> bytes:
    """A minimal uncompressed three-band TIFF (Pillow cannot write 16-bit or float colour)."""
    height, width, _ = samples.shape
    data = samples.astype("<u2" if sample_format == 1 else "<f4").tobytes()
    bits = 16 if sample_format == 1 else 32
    extra_at = 8 + 2 + 10 * 12 + 4
    extra = struct.pack("<3H", bits, bits, bits) + struct.pack("<3H", *(sample_format,) * 3)
    data_at = extra_at + len(extra)

    def entry(tag, kind, count, value):
        return struct.pack("<HHIHH", tag, kind, count, value, 0) if kind == 3 and count == 1 else \
            struct.pack("<HHII", tag, kind, count, value)
    tags = [entry(256, 4, 1, width), entry(257, 4, 1, height), entry(258, 3, 3, extra_at), entry(259, 3, 1, 1),
            entry(262, 3, 1, 2), entry(273, 4, 1, data_at), entry(277, 3, 1, 3), entry(278, 4, 1, height),
            entry(279, 4, 1, len(data)), entry(339, 3, 3, extra_at + 6)]
    return b"II*\x00" + struct.pack("<IH", 8, len(tags)) + b"".join(tags) + b"\0" * 4 + extra + data


def test_sixteen_bit_colour_tiff_keeps_its_colours():
    samples = np.zeros((2, 2, 3))
    samples[0, 0] = (65535, 0, 0)
    samples[1, 1] = (0, 32768, 65535)
    image = decode_image(_rgb_tiff(samples, 1), name="colour16.tif")
    assert not image.was_grayscale
    assert image.pixels[0, 0].tolist() == [255, 0, 0] and image.pixels[1, 1].tolist() == [0, 128, 255]


def test_a_tiff_variant_pillow_cannot_decode_is_one_sentence_naming_tiff():
    with pytest.raises(ImageLoadError, match="TIFF") as caught:
        decode_image(_rgb_tiff(np.ones((2, 2, 3)), 3), name="float_colour.tif")
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_a_multi_page_tiff_and_an_animated_png_give_their_first_frame():
    first, second = np.full((2, 2), 10, np.uint8), np.full((2, 2), 200, np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(first).save(buffer, "TIFF", save_all=True, append_images=[Image.fromarray(second)])
    assert gray(buffer.getvalue()) == first.tolist()
    buffer = io.BytesIO()
    Image.fromarray(first).save(buffer, "PNG", save_all=True, append_images=[Image.fromarray(second)])
    assert decode_image(buffer.getvalue()).pixels[..., 0].tolist() == first.tolist()


def test_a_tiff_claiming_an_enormous_size_is_refused_from_its_header():
    data = bytearray(encoded(np.zeros((2, 2), np.uint8)))
    # Rewrite ImageWidth and ImageLength (tags 256 and 257) to 100,000 × 100,000.
    for tag in (256, 257):
        at = data.find(struct.pack("<HH", tag, 3))
        kind = 3
        if at < 0:
            at, kind = data.find(struct.pack("<HH", tag, 4)), 4
        data[at + 8: at + 12] = struct.pack("<I", 100_000) if kind == 4 else struct.pack("<HH", 0xFFFF, 0)
    with pytest.raises(ImageLoadError, match="too large"):
        decode_image(bytes(data), name="huge.tif")


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow has no AVIF decoder")
def test_an_avif_photo_is_read():
    image = decode_image(encoded(np.full((6, 8, 3), (200, 30, 30), np.uint8), "AVIF"), name="phone.avif")
    assert image.format == "AVIF" and image.size == (8, 6)
    assert abs(int(image.pixels[0, 0, 0]) - 200) <= 4
