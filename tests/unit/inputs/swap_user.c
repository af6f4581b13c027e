/* Uses the swapped module's data directly and its function through its stub. */
extern int counter;
int step(void);
int user_counter(void) { return counter; }
int user_step(void) { return step(); }
