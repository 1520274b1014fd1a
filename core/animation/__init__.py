"""Animations for slides: the frames a view draws, written as a GIF or an MP4 (no Qt here).

`core.animation.writer.open_animation(path, size, fps)` is the entry; `core.animation.settings`
says the defaults, the ranges and what a recording will cost before it starts.
"""
