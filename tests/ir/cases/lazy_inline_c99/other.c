/* lazy_inline_c99, module other: only the inline definition; takes its address and
 * calls it. */
#include "sq.h"

void *pb(void) { return (void *)sq; }
int callb(int x) { return sq(x) + (pb() == (void *)sq); }
