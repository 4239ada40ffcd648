"""Recorded interviews' transcripts (Teams, Zoom, Meet...): reading them, and checking notes against them.

``model`` holds the stored ``Transcript``; ``reading`` turns a transcript file (WebVTT, SubRip,
Teams' Word transcript, timestamped plain text) into one; ``align`` finds where the notes sit in
it and how close each quote is to what the participant really said.
"""
