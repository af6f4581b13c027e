int missing_one(int);
extern int missing_data;
int undef_fn(int x) { return missing_one(x) + missing_data; }
