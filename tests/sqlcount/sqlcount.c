/* sqlcount: an LD_PRELOAD shim for tests that counts the SQL statements a
 * program runs. Every sqlite3_prepare_v2/_v3 and sqlite3_exec call appends
 * one line to the file named by $SQLCOUNT_FILE: "P " or "E " and the first 60
 * characters of the SQL, and so does every run of a statement kept prepared
 * and reset for another use ("P " at its first step after sqlite3_reset), so
 * a test can count the lines written between two events. Statements that
 * sqlite3_exec prepares inside the library are its own line, not counted again. Built only for make check;
 * nothing of it is in toddle. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static __thread int inside_exec; /* > 0 while sqlite3_exec runs: its prepares are not ours */

/* Append one line for sql, marked with kind, to $SQLCOUNT_FILE. */
static void note(char kind, const char *sql, int nbyte)
{
	const char *path = getenv("SQLCOUNT_FILE");
	char line[64];
	int n = 0, fd;

	if (!path || !*path || inside_exec)
		return;
	line[n++] = kind;
	line[n++] = ' ';
	for (int i = 0; sql && sql[i] && (nbyte < 0 || i < nbyte) && n < 62; i++)
		line[n++] = sql[i] == '\n' || sql[i] == '\t' || sql[i] == '\r' ? ' ' : sql[i];
	line[n++] = '\n';
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) != n) {
		/* a test that sees too few lines will say so */
	}
	close(fd);
}

typedef void (*any_fn)(void); /* a function of any type, cast to its own before a call */

/* The next definition of name (SQLite's own). */
static any_fn real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	any_fn fn;

	if (!f) {
		fprintf(stderr, "sqlcount: no %s after the shim\n", name);
		abort();
	}
	/* ISO C has no cast from an object pointer to a function pointer; POSIX
	 * promises dlsym's pointer holds the function's address, so copy its bytes. */
	memcpy(&fn, &f, sizeof fn);
	return fn;
}

/* Count, then prepare as SQLite would. */
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int nbyte, sqlite3_stmt **st, const char **tail)
{
	static int (*next)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);

	if (!next)
		next = (int (*)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **))real("sqlite3_prepare_v2");
	note('P', sql, nbyte);
	return next(db, sql, nbyte, st, tail);
}

/* Count, then prepare as SQLite would. */
int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int nbyte, unsigned int flags, sqlite3_stmt **st,
		       const char **tail)
{
	static int (*next)(sqlite3 *, const char *, int, unsigned int, sqlite3_stmt **, const char **);

	if (!next)
		next = (int (*)(sqlite3 *, const char *, int, unsigned int, sqlite3_stmt **,
				const char **))real("sqlite3_prepare_v3");
	note('P', sql, nbyte);
	return next(db, sql, nbyte, flags, st, tail);
}

#define PENDING_MAX 64
static __thread sqlite3_stmt *pending[PENDING_MAX]; /* reset statements not stepped since */

/* Reset as SQLite would; the statement's next step counts as a run. */
int sqlite3_reset(sqlite3_stmt *st)
{
	static int (*next)(sqlite3_stmt *);

	if (!next)
		next = (int (*)(sqlite3_stmt *))real("sqlite3_reset");
	for (int i = 0; st && !inside_exec && i < PENDING_MAX; i++)
		if (!pending[i] || pending[i] == st) {
			pending[i] = st;
			break;
		}
	return next(st);
}

/* Count the first step of a statement reset for another run, then step as SQLite would. */
int sqlite3_step(sqlite3_stmt *st)
{
	static int (*next)(sqlite3_stmt *);

	if (!next)
		next = (int (*)(sqlite3_stmt *))real("sqlite3_step");
	for (int i = 0; st && i < PENDING_MAX; i++)
		if (pending[i] == st) {
			pending[i] = NULL;
			note('P', sqlite3_sql(st), -1);
			break;
		}
	return next(st);
}

/* Forget a statement as it goes, then finalize as SQLite would. */
int sqlite3_finalize(sqlite3_stmt *st)
{
	static int (*next)(sqlite3_stmt *);

	if (!next)
		next = (int (*)(sqlite3_stmt *))real("sqlite3_finalize");
	for (int i = 0; st && i < PENDING_MAX; i++)
		if (pending[i] == st)
			pending[i] = NULL;
	return next(st);
}

/* Count once, then run as SQLite would. */
int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg,
		 char **errmsg)
{
	static int (*next)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
	int rc;

	if (!next)
		next = (int (*)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,
				char **))real("sqlite3_exec");
	note('E', sql, -1);
	inside_exec++;
	rc = next(db, sql, cb, arg, errmsg);
	inside_exec--;
	return rc;
}
