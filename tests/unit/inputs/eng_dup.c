int lib_add(int x) { return -x; }
