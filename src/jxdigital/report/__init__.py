"""Reports of an assessment: Markdown, one self-contained HTML file, an Excel workbook,
JSON, and ``write_report`` for the whole folder the scheduled job produces;
``write_template`` writes the workbook a department fills in with its figures (填报表).

Presentation only: nothing here computes a status; each lays out the view of an assessment
(``jxdigital.present.view``).
"""

from ._build import (
    RENDERERS,
    Renderer,
    missing_outputs,
    render_charts,
    report_steps,
    write_report,
)
from ._excel import to_excel
from ._fill import write_template
from ._html import to_html
from ._json import to_json
from ._markdown import to_markdown

__all__ = ["RENDERERS", "Renderer", "missing_outputs", "render_charts", "report_steps",
           "to_excel", "to_html", "to_json", "to_markdown", "write_report", "write_template"]
