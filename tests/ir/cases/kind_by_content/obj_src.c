/* kind_by_content: compiled to an ELF object and stored as obj.bin. */
int from_object(void) { return 5678; }
