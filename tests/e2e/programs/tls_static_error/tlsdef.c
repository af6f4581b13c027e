/* tls_static_error: see flags. Defines the TLS variable. */
_Thread_local int tls_defined_elsewhere = 41;

int tlsdef_bump(void) { return ++tls_defined_elsewhere; }
