#include <cstdio>
#include <stdexcept>
#include <vector>
#include "errors.hpp"

static void deeper(int code)
{
    Guard g("deeper");
    switch (code) {
    case 1: throw AppError(1, "generic failure");
    case 2: throw IoError(2, "/nonexistent/config");
    case 3: throw ParseError(3, 14);
    case 4: throw FatalParseError(4);
    case 5: throw std::runtime_error("runtime_error from thrower.cpp");
    case 6: throw 42;
    case 7: throw "a C string";
    case 8: throw std::string("a std::string");
    default: std::printf("  deeper(%d): no throw\n", code);
    }
}

void throw_by_code(int code)
{
    Guard g("throw_by_code");
    deeper(code);
}

int parse_digits(const char *s)
{
    int v = 0;
    for (int i = 0; s[i]; i++) {
        if (s[i] < '0' || s[i] > '9')
            throw ParseError(1, i + 1);
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

void relay(int code)
{
    try {
        throw_by_code(code);
    } catch (const AppError &e) {
        log_line(std::string("relay saw ") + e.kind() + ", rethrowing");
        throw;
    } catch (...) {
        log_line("relay saw a non-AppError, rethrowing");
        throw;
    }
}

std::exception_ptr capture(int code)
{
    try {
        throw_by_code(code);
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

void throw_nested(int code)
{
    try {
        throw_by_code(code);
    } catch (...) {
        std::throw_with_nested(std::logic_error("outer logic_error"));
    }
}

int vector_at(int index)
{
    std::vector<int> v{ 10, 20, 30 };
    return v.at(index);
}
