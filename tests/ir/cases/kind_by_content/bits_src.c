/* kind_by_content: compiled to bitcode and stored as bits.ll. */
int from_bitcode(void) { return 1234; }
