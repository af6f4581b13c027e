// Fuzz seed: COMDAT groups (inline functions, templates), a static constructor and
// destructor, exceptions (.eh_frame, .gcc_except_table), a vtable.
#include <stdexcept>
#include <string>

struct Base {
    virtual ~Base() {}
    virtual int value() const { return 1; }
};
struct Derived : Base {
    int value() const override { return 2; }
};
template <typename T> T seed_twice(T x) { return x + x; }
inline int seed_inline(int x) { return seed_twice(x) + 1; }

static std::string seed_global = "constructed";

int seed_cxx(int x)
{
    Derived d;
    const Base &b = d;
    try {
        if (x < 0)
            throw std::runtime_error("negative");
        return seed_inline(x) + b.value() + (int)seed_global.size();
    } catch (const std::exception &) {
        return -1;
    }
}
