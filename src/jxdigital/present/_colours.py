"""Status colours: one colour-blind-safe palette for every output (always with the words)."""

from __future__ import annotations

#: Colour-blind-safe colours (Okabe-Ito) of every verdict (``codes.VERDICTS``) and status,
#: always shown with the words; one palette for the Jupyter table, charts, HTML, Excel and
#: slides. Outcomes: met dark green, missed dark red, not yet known grey; progress: achieved
#: early green, ahead of plan blue, on track sky blue, at risk orange, behind vermilion.
STATUS_COLOURS = {"met": "#00684A", "achieved": "#009E73", "ahead": "#0072B2",
                  "on_track": "#56B4E9", "at_risk": "#E69F00", "off_track": "#D55E00",
                  "missed": "#8F2600", "unknown": "#BBBBBB", "insufficient_data": "#BBBBBB",
                  "not_assessable": "#DDDDDD"}
#: Text colour that keeps contrast on each colour.
STATUS_INK = {"met": "#FFFFFF", "achieved": "#FFFFFF", "ahead": "#FFFFFF",
              "on_track": "#000000", "at_risk": "#000000", "off_track": "#FFFFFF",
              "missed": "#FFFFFF", "unknown": "#000000", "insufficient_data": "#000000",
              "not_assessable": "#000000"}
#: Verdicts listed from the best news to the worst, then those without one (the order a
#: status column sorts in, worst first, and the summary chart's order).
SEVERITY = ("missed", "off_track", "at_risk", "unknown", "on_track", "ahead", "achieved",
            "met", "insufficient_data", "not_assessable")


#: The status whose colour an account's outcome takes (met green, missed red, unknown grey).
OUTCOME_STATUS = {"met": "met", "missed": "missed", "unknown": "unknown",
                  "not_assessable": "not_assessable"}
