/* atexit_order: atexit handlers registered from several modules, from a
 * constructor, from main and from inside another handler; LIFO order; output
 * printed during exit (buffered stdout must still be flushed); handlers calling
 * across modules; __attribute__((destructor)) runs after all atexit handlers. */
#ifndef AX_H
#define AX_H
void a_register(void);       /* a.c */
void a_note(const char *s);  /* a.c: appends to a log, printed by the last handler */
extern int g_exit_phase;     /* b.c */
void b_register(void);       /* b.c */
#endif
