"""Lessons: a sequence of scenes (a state of the app plus texts in two languages), read and written
as one checked JSON file, found among the built-in and installed ones. Qt-free, like all of core.

model.py      the frozen data (Text, Goal, Scene, Lesson) and the names a scene may use
files.py      one lesson file: read without trusting it, write atomically
library.py    the built-in and installed lessons
states.py     partial tab states: merge onto defaults, and the difference from them
goals.py      the challenges a scene may set, and how they are checked
"""
