int step(void);
extern int no_such_data;
int step(void) { return no_such_data; }
