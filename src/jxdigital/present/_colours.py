"""Status colours: one colour-blind-safe palette for every output (always with the words)."""

from __future__ import annotations

#: Colour-blind-safe status colours (Okabe-Ito), always shown with the words; one palette
#: for the Jupyter table, charts, HTML, Excel and slides.
STATUS_COLOURS = {"met": "#00684A", "achieved": "#009E73", "on_track": "#0072B2",
                  "at_risk": "#E69F00", "off_track": "#D55E00", "missed": "#8F2600",
                  "insufficient_data": "#BBBBBB", "not_assessable": "#DDDDDD"}
#: Text colour that keeps contrast on each status colour.
STATUS_INK = {"met": "#FFFFFF", "achieved": "#FFFFFF", "on_track": "#FFFFFF",
              "at_risk": "#000000", "off_track": "#FFFFFF", "missed": "#FFFFFF",
              "insufficient_data": "#000000", "not_assessable": "#000000"}


#: The status whose colour an account's outcome takes (met green, missed red, unknown grey).
OUTCOME_STATUS = {"met": "met", "missed": "missed", "unknown": "insufficient_data",
                  "not_assessable": "not_assessable"}
