"""Charts of an assessment (matplotlib; Chinese labels with the shipped font), drawn from
its view (``jxdigital.present.view``): every number in the row's display unit, every word
decided there.

- ``plot_indicator(a, id)``: one target with its figures, projection fan, target, plan
  path, status and sources (``detail=False``: only what the finding needs, as on a slide);
- ``plot_dashboard(a)``: small multiples of every target, by section (a page of 20 at
  slide size: ``page=``);
- ``plot_status_summary(a)``: P(target met) for every judged target (a page of 20 rows at
  slide size);
- ``plot_retrospective(a)``: P(target met) by review year for every target whose outcome
  is known, marked met or missed (were the warnings right?);
- ``render_charts(a, lang)``: all of them as PNG bytes, drawn in parallel (``chart_pages``:
  an overview's pages among them; ``chart_jobs`` and ``job_keys``: what it will draw, for
  a progress count);
- ``options_pngs(v)``: a 测算 view's fan charts as PNG bytes (``draw_options``: one of them);
- ``save(fig, path)``: PNG (200 dpi), SVG or PDF by extension, written atomically.

``style="notebook" | "slide" | "print"`` sets the size and the type sizes; the slide preset
draws at the exact size of the picture box on a 16:9 slide. The user's global matplotlib
settings are never changed.
"""

from ._indicator import plot_indicator
from ._options import draw_options, options_pngs
from ._overview import plot_dashboard, plot_status_summary
from ._render import chart_jobs, chart_pages, job_keys, render_charts
from ._retrospective import plot_retrospective
from ._style import STATUS_COLOURS, STYLES, Style, save

__all__ = ["STATUS_COLOURS", "STYLES", "Style", "chart_jobs", "chart_pages", "draw_options",
           "job_keys", "options_pngs", "plot_dashboard", "plot_indicator", "plot_retrospective",
           "plot_status_summary", "render_charts", "save"]
