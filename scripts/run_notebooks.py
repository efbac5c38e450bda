"""Run every notebook under ``examples/`` from its own folder and fail if any cell fails.

    python scripts/run_notebooks.py            # needs the notebook extra: pip install '.[notebook]'

Outputs are not written back: the notebooks in the repository stay as committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> int:
    notebooks = sorted(EXAMPLES.glob("*.ipynb"))
    if not notebooks:
        print(f"no notebooks under {EXAMPLES}")
        return 1
    failed = 0
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except CellExecutionError as e:
            failed += 1
            print(f"FAILED {path.name}: {str(e).strip().splitlines()[-1]}")
            continue
        cells = sum(cell.cell_type == "code" for cell in notebook.cells)
        print(f"ok {path.name}: {cells} code cells ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
