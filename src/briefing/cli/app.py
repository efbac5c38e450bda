"""The ``briefing`` command: the typer app, and the one place its commands are registered.

Each command lives in its own module (``brief``, ``check``, ``daily``, ``eval``, ``batch``) and
shares its options, error lines and extractor choice through ``briefing.cli.common``; no command
module imports another. Exit status: 0, 1 when any article or claim failed, 2 for a usage or
configuration error.
"""

from __future__ import annotations

import typer

from briefing.cli.batch import batch_app
from briefing.cli.brief import brief_command
from briefing.cli.check import check_command
from briefing.cli.daily import daily_command
from briefing.cli.eval import eval_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Typed, source-grounded briefings of news articles.")


@app.callback()
def main() -> None:
    """Typed, source-grounded briefings of news articles."""


app.command("brief")(brief_command)
app.command("check")(check_command)
app.command("daily")(daily_command)
app.command("eval")(eval_command)
app.add_typer(batch_app, name="batch")
