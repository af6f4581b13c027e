/* gcc -fPIC -mtls-dialect=gnu2: TLS descriptors (R_X86_64_GOTPC32_TLSDESC,
 * R_X86_64_TLSDESC_CALL), which the x86-64 backend does not implement. */
extern __thread int rltd_var;

int rltd_get(void)
{
    return rltd_var;
}
