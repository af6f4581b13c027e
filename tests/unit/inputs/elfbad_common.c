/* A common symbol next to more than a page of initialised data, for size mutations of
 * the common symbol (test_elf_bad.c). ebc_get() == 42. */
int ebc_common[4];
int ebc_big[3000] = {40};

int ebc_get(void)
{
    return ebc_big[0] + ebc_common[1] + 2;
}
