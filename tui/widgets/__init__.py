"""Widgets and dialogs shared by several workflows: the footer, tables, charts, prompts and F1 help."""
