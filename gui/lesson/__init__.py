"""Lessons in the window: the player, its panel and overlay, hiding controls, goals, the editor and the handout.

gui.lesson sits with the window's pieces (gui.window_menus, gui.window_sessions, gui.presenter,
gui.snapshot): it reaches them at run time through the window, never by import, and never imports torch.
"""
