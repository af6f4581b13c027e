/* Fuzz seed: thread-local variables (general/local dynamic with -fPIC, local/initial
 * exec without) and an external one. */
__thread int seed_tls_a = 5;
static __thread long seed_tls_b[4];
extern __thread int seed_tls_ext;

int seed_tls(int i)
{
    seed_tls_b[i & 3] += seed_tls_a;
    return (int)seed_tls_b[i & 3] + seed_tls_ext;
}
