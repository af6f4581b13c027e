/* tls_static_error: uses another module's TLS variable through a static TLS
 * model (initial-exec). Valid natively; hotjit must reject it at load time. */
#include <stdio.h>

extern _Thread_local int tls_defined_elsewhere __attribute__((tls_model("initial-exec")));
int tlsdef_bump(void);

int main(void)
{
    tls_defined_elsewhere++;
    printf("main ran: tls=%d\n", tlsdef_bump());
    return 0;
}
