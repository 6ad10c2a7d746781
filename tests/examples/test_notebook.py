"""The incident-response notebook runs end to end against the simulator (so it cannot rot)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "incident_response.ipynb"
WIDGET = "application/vnd.jupyter.widget-view+json"


def test_incident_response_notebook_runs_end_to_end_with_a_progress_widget_and_a_dataframe(
    tmp_path: Path,
) -> None:
    nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the test extra (nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the test extra (nbclient)")
    pytest.importorskip("ipykernel", reason="the notebook test needs the test extra (ipykernel)")
    pytest.importorskip("pandas", reason="the notebook shows the report as a pandas DataFrame")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError:
        raise
    except Exception as error:
        if any(cell.get("execution_count") for cell in notebook.cells):
            raise
        pytest.skip(f"a Jupyter kernel could not start here: {type(error).__name__}: {error}")

    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert [] == [o for o in outputs if o.get("output_type") == "error"]
    assert any("text/html" in o.get("data", {}) for o in outputs), "the report is shown as a DataFrame"
    assert any(WIDGET in o.get("data", {}) for o in outputs), "progress is a notebook widget"
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "contain: " in printed
    assert "unsuspend_user: 1 items: 1 succeeded" in printed
    assert "keeps: clear_sessions, revoke_grants, reset_factors" in printed
