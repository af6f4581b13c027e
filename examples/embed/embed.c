/* Embedding hotjit: load an object file into this process, look up a function, call it.
 * usage: embed FILE.o FUNCTION ARG   (FUNCTION has type int (int)) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hotjit.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: embed FILE.o FUNCTION ARG\n");
        return 2;
    }
    hj_engine *engine;
    if (hj_engine_create(&engine, NULL) != HJ_OK)
        return 1;
    hj_module *module;
    void *address;
    if (hj_add_object_file(engine, argv[1], &module) != HJ_OK ||
        hj_lookup(engine, argv[2], &address) != HJ_OK) {
        fprintf(stderr, "embed: %s\n", hj_errmsg(engine));
        hj_engine_destroy(engine);
        return 1;
    }
    int (*function)(int);
    memcpy(&function, &address, sizeof function);
    printf("%s(%d) = %d\n", argv[2], atoi(argv[3]), function(atoi(argv[3])));
    if (hj_remove(engine, module) != HJ_OK)
        fprintf(stderr, "embed: %s\n", hj_errmsg(engine));
    hj_engine_destroy(engine);
    return 0;
}
