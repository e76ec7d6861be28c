/* Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian). */
#include <string.h>
#include <time.h>
#include "toddle/date.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Number of days in month m of year y. */
int date_days_in_month(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && is_leap(y));
}

/* True when y-m-d names a real calendar day within the supported years. */
int date_valid(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

/* Day number of a valid y-m-d (Howard Hinnant's days_from_civil). */
day_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

/* Split a day number into year, month and day. */
void date_to_ymd(day_t day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Parse strict YYYY-MM-DD; 0 on success, -1 when it is not a real date. */
int date_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* Write YYYY-MM-DD (11 bytes with the NUL). */
void date_format(day_t day, char out[11])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		strcpy(out, "0000-00-00");
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* Day of the week: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
int date_weekday(day_t day)
{
	int w = (int)((day + 3) % 7);

	return w < 0 ? w + 7 : w;
}

/* Whole months from `from` to `to`: a month counts once its day is reached,
 * or once the month ends when it is shorter (Jan 31 + 1 month = Feb 28/29). */
int date_months_between(day_t from, day_t to)
{
	int y1, m1, d1, y2, m2, d2, months;

	if (to < from)
		return -date_months_between(to, from);
	date_to_ymd(from, &y1, &m1, &d1);
	date_to_ymd(to, &y2, &m2, &d2);
	months = (y2 - y1) * 12 + (m2 - m1);
	if (d2 < d1 && d2 < date_days_in_month(y2, m2))
		months--;
	return months;
}

/* The day `months` whole months after (or, negative, before) `from`: the same
 * day of the month, or the month's last day when it is shorter. */
day_t date_add_months(day_t from, int months)
{
	int y, m, d, last, total;

	date_to_ymd(from, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	last = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < last ? d : last);
}

/* Age in tenths of a month from `from` to `to` (to >= from), cut, not rounded:
 * whole months as date_months_between counts them, then the tenths of the
 * month under way, so tenths / 10 is always the whole months. */
int date_month_tenths(day_t from, day_t to)
{
	int months;
	day_t start, next;

	if (to < from)
		return -date_month_tenths(to, from);
	months = date_months_between(from, to);
	start = date_add_months(from, months);
	next = date_add_months(from, months + 1);
	return months * 10 + (int)((to - start) * 10 / (next - start));
}

/* Today's local date. */
day_t date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm))
		return 0;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Refuse a record of something that has not happened yet. */
int date_check_past(day_t day, day_t today, const char *what, struct tdl_err *err)
{
	char d[11], t[11];

	if (day <= today)
		return TDL_OK;
	date_format(day, d);
	date_format(today, t);
	return err_set(err, TDL_EINPUT, "%s %s is in the future (today is %s): log it on or after that day",
		       what, d, t);
}
