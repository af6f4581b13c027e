/* Edit me while `hotjit watch` runs: change the pattern, save, listen. */
const char *pattern(int beat)
{
    static const char *const steps[] = {"kick", "hat", "snare", "hat"};
    return steps[beat % 4];
}
