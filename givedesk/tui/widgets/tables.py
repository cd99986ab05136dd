"""Small helpers for the DataTables every screen uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


def cursor_row_key(table: DataTable[object]) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def fit_columns(table: DataTable[object], flexible: Mapping[str, int], *, minimum: int = 6) -> None:
    """Give the width the fixed columns leave to the `flexible` ones, shared by weight.

    Fixed widths would leave half a wide terminal empty, or push the last column out of
    a narrow one behind a horizontal scrollbar; room for the vertical scrollbar is kept
    whether it shows or not, so rows arriving later never add a horizontal one.
    """
    width = table.size.width - table.styles.scrollbar_size_vertical
    if width <= 0:
        return
    padding = 2 * table.cell_padding
    columns = table.columns
    fixed = sum(column.width + padding for key, column in columns.items()
                if key.value not in flexible)
    spare = width - fixed - padding * len(flexible)
    total = sum(flexible.values())
    for key, weight in flexible.items():
        column = columns.get(ColumnKey(key))
        if column is not None:
            column.auto_width = False
            column.width = max(minimum, spare * weight // total)
    # DataTable has no public way to say its columns changed width: without these its
    # scrollable width and rendered lines keep the old widths (Textual 8.2).
    table._require_update_dimensions = True
    table._clear_caches()
    table.refresh(layout=True)


class RowTable(DataTable[object]):
    """A table of rows, the desk's kind: the cursor is a whole row, and `home` and `end`
    go to the first and the last row. DataTable binds them to the first and last
    *column*, which on a table of rows did nothing although the README lists them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)


class FittedTable(RowTable):
    """A table of rows whose `flexible` columns take the width it has (`fit_columns`),
    refitted whenever it is resized: its own size is known only once it is laid out."""

    def __init__(self, *, flexible: Mapping[str, int], minimum: int = 6, id: str) -> None:
        super().__init__(id=id)
        self.flexible = dict(flexible)
        self.minimum = minimum

    def fit(self) -> None:
        fit_columns(self, self.flexible, minimum=self.minimum)

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit)  # after the screen has added the columns

    def on_resize(self, _event: events.Resize) -> None:
        self.fit()
