/* ctor_dtor_c: C constructors and destructors with and without priorities in
 * several modules: constructors run in priority order across all modules, then
 * the default-priority ones in module order; destructors in the reverse order;
 * constructors call into other modules and fill globals that main reads. */
#ifndef EV_H
#define EV_H
void ev(const char *what);           /* a.c: records and prints an event */
extern int ev_count;                 /* a.c */
extern int table_ready;              /* b.c: set by a priority-102 constructor */
extern int lookup_table[8];          /* b.c: filled by that constructor */
#endif
