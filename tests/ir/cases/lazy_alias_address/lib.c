/* lazy_alias_address, module lib: the alias's address as another module sees it. */
int real(void);
int lib_same(void *a) { return a == (void *)real; }
