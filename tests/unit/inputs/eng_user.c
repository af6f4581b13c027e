/* Uses eng_lib's data (a reference a stub cannot redirect) and function. */
extern int lib_value;
int lib_add(int x);
int (*lib_add_ptr(void))(int);
int user_call(int x) { return lib_add(x) + lib_value; }
int user_same_pointer(void) { return lib_add_ptr() == lib_add; }
