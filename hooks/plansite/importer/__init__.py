"""Import a plan document (.txt, .docx) into a plan file.

Uses data and model; nothing imports it.
"""
