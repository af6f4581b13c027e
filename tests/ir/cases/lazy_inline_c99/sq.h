/* lazy_inline_c99: a C99 inline definition (available_externally in IR): the module
 * that declares it extern holds the external definition. */
inline int sq(int x) { return x * x; }
