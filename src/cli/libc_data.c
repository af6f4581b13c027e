/* Built with -fno-pic into the non-PIE hotjit command: the 32-bit absolute references
 * below make the static linker copy these libc data objects into the executable's .bss
 * (copy relocations), below 2 GiB, where libc itself then uses them too. Objects built
 * with -fno-pic, loaded by hotjit next to it, can then reach them with their 32-bit
 * displacements, exactly as in a natively linked non-PIE program. The command therefore
 * links libstdc++ as well. Read-only data (typeinfo, vtables) needs no such copy: the
 * engine snapshots it (engine/proxy.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

extern char *program_invocation_name, *program_invocation_short_name;

/* libstdc++'s standard streams (std::cout, std::cin, ...), by their mangled names: C++
 * code built with -fPIE or -fno-pic names them with 32-bit displacements too. */
extern char _ZSt4cout[], _ZSt3cin[], _ZSt4cerr[], _ZSt4clog[];
extern char _ZSt5wcout[], _ZSt4wcin[], _ZSt5wcerr[], _ZSt5wclog[];

const void *hj_cli_libc_data(int which)
{
    switch (which) {
    case 0: return &stdin;
    case 1: return &stdout;
    case 2: return &stderr;
    case 3: return &environ;
    case 4: return &optarg;
    case 5: return &optind;
    case 6: return &opterr;
    case 7: return &optopt;
    case 8: return &program_invocation_name;
    case 9: return &program_invocation_short_name;
    case 10: return &timezone;
    case 11: return &daylight;
    case 12: return &tzname;
    case 13: return _ZSt4cout;
    case 14: return _ZSt3cin;
    case 15: return _ZSt4cerr;
    case 16: return _ZSt4clog;
    case 17: return _ZSt5wcout;
    case 18: return _ZSt4wcin;
    case 19: return _ZSt5wcerr;
    case 20: return _ZSt5wclog;
    default: return NULL;
    }
}
