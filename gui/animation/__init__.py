"""Animations for slides: the tabs' own views drawn offscreen frame by frame (sources.py), recorded into a
GIF or an MP4 (recorder.py, core.animation.writer), and the window's File › Export Animation… (dialog.py)."""
