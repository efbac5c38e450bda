"""The ``briefing`` command. ``briefing.cli.app`` registers the commands; each lives in its own module.
"""
