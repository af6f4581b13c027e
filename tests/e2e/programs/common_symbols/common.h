/* common_symbols (-fcommon): tentative definitions of the same variables in
 * several modules become one object (SHN_COMMON; SHN_X86_64_LCOMMON for the big
 * array under -mcmodel=medium); a common symbol merged with a real definition in
 * another module; an over-aligned common; common symbols written in one module
 * and read in another. */
#ifndef COMMON_H
#define COMMON_H
void a_touch(void);
void b_touch(void);
int a_read_counter(void);
double b_read_d(void);
long a_big_sum(void);
#endif
