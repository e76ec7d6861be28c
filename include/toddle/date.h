/* Civil dates as day numbers: no time zones, no mktime. */
#ifndef TODDLE_DATE_H
#define TODDLE_DATE_H

#include <stdint.h>
#include "toddle/err.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t day_t;

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2999

/* True when y-m-d names a real calendar day within the supported years. */
int date_valid(int y, int m, int d);

/* Day number of a valid y-m-d. */
day_t date_from_ymd(int y, int m, int d);

/* Split a day number into year, month and day. */
void date_to_ymd(day_t day, int *y, int *m, int *d);

/* Parse strict YYYY-MM-DD; 0 on success, -1 when it is not a real date. */
int date_parse(const char *s, day_t *out);

/* Write YYYY-MM-DD (11 bytes with the NUL). */
void date_format(day_t day, char out[11]);

/* Day of the week: 0 = Monday ... 6 = Sunday. */
int date_weekday(day_t day);

/* Number of days in month m of year y. */
int date_days_in_month(int y, int m);

/* Whole months from `from` to `to` (to >= from), counting a month when the
 * day of the month is reached (or the month ends first). */
int date_months_between(day_t from, day_t to);

/* The day `months` whole months after (negative: before) `from`: the same day
 * of the month, or the month's last day when it is shorter (the rule
 * date_months_between counts by). */
day_t date_add_months(day_t from, int months);

/* Age in tenths of a month from `from` to `to`, cut (never rounded up), so
 * that tenths / 10 == date_months_between(from, to): 20 months and 29 days
 * is 209, never 210. */
int date_month_tenths(day_t from, day_t to);

/* Today's local date. */
day_t date_today(void);

/* One rule for records of what happened (logs, notes): refuse a day after
 * today with TDL_EINPUT; `what` names the date ("session date"). */
int date_check_past(day_t day, day_t today, const char *what, struct tdl_err *err);

#endif
