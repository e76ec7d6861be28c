/* The report's chart of the six WHO motor windows: one bar per window from
 * the 1st to the 99th percentile, the child's age (corrected while it applies)
 * as a vertical line, reached windows filled. Inline SVG, labels inside it,
 * integer coordinates only (no locale can put a comma in a number). */
#include <stdio.h>
#include "toddle/progress.h"
#include "report_parts.h"

#define CHART_W 720
#define LABEL_W 300 /* the label column, left of the bars */
#define ROW_H 24
#define TOP 26      /* room for the axis ticks */

/* x of an age given in tenths of a month on an axis of 0..max_tenths. */
static int chart_x(int tenths, int max_tenths)
{
	return LABEL_W + (CHART_W - LABEL_W - 12) * tenths / max_tenths;
}

/* Tenths of a month, rounded, of a window percentile. */
static int tenths_of(double months)
{
	return (int)(months * 10 + 0.5);
}

/* The axis: a tick and its label every 3 months (6 past 30 months). */
static void chart_axis(struct rep *r, int max_tenths, int bottom)
{
	int step = max_tenths > 300 ? 6 : 3;

	for (int m = 0; m * 10 <= max_tenths; m += step) {
		int x = chart_x(m * 10, max_tenths);

		buf_printf(r->b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
			   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
			   x, TOP - 6, x, bottom, x, TOP - 10, m);
	}
	buf_printf(r->b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">months</text>\n", LABEL_W - 8, TOP - 10);
}

/* One window's row: its label with its state, its bar. */
static void chart_row(struct rep *r, const struct who_window *w, int i, int max_tenths)
{
	int y = TOP + i * ROW_H, x1 = chart_x(tenths_of(w->p1), max_tenths);
	int x2 = chart_x(tenths_of(w->p99), max_tenths), reached = w->status == MS_ACHIEVED;
	char d[11];

	buf_printf(r->b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 8, y + 16);
	buf_html(r->b, w->text);
	buf_printf(r->b, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" rx=\"3\" fill=\"%s\" "
		   "stroke=\"#37474f\"/>\n", x1, y + 5, x2 - x1, reached ? "#2e7d32" : "#eceff1");
	if (reached) {
		int inside = x2 > CHART_W - 150; /* no room right of the bar: inside it, white */

		buf_printf(r->b, "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-weight=\"bold\" text-anchor=\"%s\">"
			   "&#10003; reached", inside ? x2 - 5 : x2 + 6, y + 16, inside ? "#fff" : "#1b5e20",
			   inside ? "end" : "start");
		if (w->has_date) {
			date_format(w->day, d);
			buf_printf(r->b, " %s", d);
		}
		buf_add(r->b, "</text>\n");
	} else if (w->status != MS_NONE || w->retired_by[0]) {
		buf_printf(r->b, "<text x=\"%d\" y=\"%d\" fill=\"#37474f\" text-anchor=\"%s\">%s</text>\n",
			   x2 > CHART_W - 150 ? x1 - 6 : x2 + 6, y + 16, x2 > CHART_W - 150 ? "end" : "start",
			   w->retired_by[0] ? "passed by a later skill" : w->status == MS_EMERGING ? "emerging" : "not yet");
	}
}

/* The six WHO windows as an inline SVG chart, the child's age marked (HTML only). */
int report_who_chart(struct rep *r)
{
	struct who_window *w;
	int n, rc, age = r->age.corrected ? r->age.ctenths : r->age.tenths, max_tenths = 180, bottom, x;

	if (r->fmt != REPORT_HTML)
		return TDL_OK;
	if ((rc = progress_windows(r->db, r->c, &w, &n, r->err)))
		return rc;
	for (int i = 0; i < n; i++)
		if (tenths_of(w[i].p99) + 10 > max_tenths)
			max_tenths = tenths_of(w[i].p99) + 10;
	if (age < 0)
		age = 0;
	if (age + 20 > max_tenths)
		max_tenths = (age + 20 + 29) / 30 * 30;
	bottom = TOP + n * ROW_H + 4;
	report_heading(r, 2, "WHO motor windows");
	buf_printf(r->b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		   "role=\"img\" aria-labelledby=\"who-title\" font-family=\"Georgia,serif\" font-size=\"12\" "
		   "fill=\"#111\">\n<title id=\"who-title\">", CHART_W, bottom + 26, CHART_W, bottom + 26);
	buf_html(r->b, r->c->name);
	buf_add(r->b, " and the six WHO motor windows</title>\n");
	chart_axis(r, max_tenths, bottom);
	for (int i = 0; i < n; i++)
		chart_row(r, &w[i], i, max_tenths);
	x = chart_x(age, max_tenths);
	buf_printf(r->b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c62828\" stroke-width=\"2.5\"/>\n",
		   x, TOP - 4, x, bottom);
	buf_printf(r->b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"#c62828\">", x, bottom + 16,
		   x > CHART_W - 160 ? "end" : "middle");
	buf_html(r->b, r->c->name);
	buf_printf(r->b, " now: %d.%d months%s</text>\n</svg>\n", age / 10, age % 10,
		   r->age.corrected ? " (corrected)" : "");
	report_para(r, "Bars: from the age when 1 in 100 children reach the milestone to the age by which 99 in 100 "
		    "do (WHO Motor Development Study). Filled: reached. The red line: %s's %s.", r->c->name,
		    r->age.corrected ? "corrected age" : "age");
	progress_windows_free(w, n);
	return TDL_OK;
}
