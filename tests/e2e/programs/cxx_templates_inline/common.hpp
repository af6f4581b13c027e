// cxx_templates_inline: inline functions, function templates, class templates
// with static data members, C++17 inline variables and function-local statics
// in inline functions, all defined in this header and instantiated in several
// modules (COMDAT groups / STB_GNU_UNIQUE): one definition must win, so
// addresses taken in different modules compare equal and the statics are
// shared. Also std::map/std::string/std::function passed across modules.
#ifndef COMMON_HPP
#define COMMON_HPP
#include <functional>
#include <map>
#include <string>
#include <vector>

inline int inl_twice(int x) { return 2 * x; }

inline int &inl_counter()
{
    static int c = 100;
    return c;
}

inline int inline_var = 5;                 // C++17 inline variable

template <class T> T tmax(T a, T b) { return a < b ? b : a; }

template <class T> struct Registry {
    static int count;
    static std::vector<T> &items()
    {
        static std::vector<T> v;
        return v;
    }
    static void add(const T &x)
    {
        items().push_back(x);
        ++count;
    }
};
template <class T> int Registry<T>::count = 0;

template <int N> struct Fib { static constexpr long value = Fib<N - 1>::value + Fib<N - 2>::value; };
template <> struct Fib<1> { static constexpr long value = 1; };
template <> struct Fib<0> { static constexpr long value = 0; };

struct Addrs {
    int (*twice)(int);
    int *counter;
    int *ivar;
    int (*tmax_int)(int, int);
    double (*tmax_double)(double, double);
    int *reg_count;
    std::vector<std::string> *reg_items;
};

// a.cpp / b.cpp
Addrs a_addrs();
Addrs b_addrs();
void a_work();
void b_work();
void a_fill(std::map<std::string, int> &m);
int b_apply(const std::function<int(int)> &f, int x);
std::function<int(int)> b_make_adder(int n);
#endif
