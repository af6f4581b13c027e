/* Version 3 defines no `counter`: a module that uses it keeps this one from loading. */
int step(void) { return 3; }
