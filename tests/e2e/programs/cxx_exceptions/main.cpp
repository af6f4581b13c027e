#include <cstdio>
#include <stdexcept>
#include "errors.hpp"

static void describe(const std::exception &e, int depth = 0)
{
    std::printf("%*scaught std::exception: %s\n", depth * 2, "", e.what());
    try {
        std::rethrow_if_nested(e);
    } catch (const std::exception &inner) {
        describe(inner, depth + 1);
    } catch (...) {
        std::printf("%*snested non-std exception\n", depth * 2 + 2, "");
    }
}

static void try_code(int code)
{
    std::printf("code %d:\n", code);
    try {
        Guard g("main");
        relay(code);
        std::printf("  no exception\n");
    } catch (const FatalParseError &e) {
        std::printf("  caught FatalParseError line=%d kind=%s what=%s\n", e.line, e.kind(), e.what());
    } catch (const ParseError &e) {
        std::printf("  caught ParseError line=%d col=%d kind=%s\n", e.line, e.col, e.kind());
    } catch (const IoError &e) {
        std::printf("  caught IoError path=%s code=%d what=%s\n", e.path().c_str(), e.code(), e.what());
    } catch (const AppError &e) {
        std::printf("  caught AppError kind=%s code=%d what=%s\n", e.kind(), e.code(), e.what());
    } catch (const std::exception &e) {
        std::printf("  caught std::exception: %s\n", e.what());
    } catch (int v) {
        std::printf("  caught int %d\n", v);
    } catch (const char *s) {
        std::printf("  caught const char* \"%s\"\n", s);
    } catch (...) {
        std::printf("  caught something else\n");
    }
}

int main()
{
    for (int code = 0; code <= 8; code++)
        try_code(code);

    try {
        std::printf("parse_digits(\"123\")=%d\n", parse_digits("123"));
        std::printf("parse_digits(\"12x\")=%d\n", parse_digits("12x"));
    } catch (const AppError &e) {     // caught by base class
        std::printf("caught by base: %s (%s)\n", e.what(), e.kind());
    }

    std::exception_ptr p = capture(2);
    std::exception_ptr q = capture(0);
    std::printf("captured: p=%s q=%s\n", p ? "set" : "null", q ? "set" : "null");
    try {
        std::rethrow_exception(p);
    } catch (const IoError &e) {
        std::printf("rethrown IoError: %s\n", e.what());
    }

    try {
        throw_nested(3);
    } catch (const std::exception &e) {
        describe(e);
    }

    try {
        vector_at(1);
        std::printf("vector_at(1) ok\n");
        vector_at(7);
    } catch (const std::out_of_range &e) {
        std::printf("out_of_range caught in main: %s\n", e.what());
    }

    std::printf("log lines: %d, uncaught: %d\n", log_count(), std::uncaught_exceptions());
    std::fprintf(stderr, "cxx_exceptions done\n");
    return 0;
}
