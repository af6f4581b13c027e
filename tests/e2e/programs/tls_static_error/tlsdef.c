/* tls_static_error: see flags. Defines the TLS variables, more than the static pool. */
_Thread_local int tls_defined_elsewhere = 41;
_Thread_local char tls_big[128 * 1024];

int tlsdef_bump(void) { return ++tls_defined_elsewhere + tls_big[0]; }
