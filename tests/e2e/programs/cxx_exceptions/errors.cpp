#include <cstdio>
#include "errors.hpp"

AppError::AppError(int code, std::string msg) : code_(code), msg_(std::move(msg)) {}
AppError::~AppError() = default;
const char *AppError::what() const noexcept { return msg_.c_str(); }
const char *AppError::kind() const { return "AppError"; }

IoError::IoError(int code, std::string path)
    : AppError(code, "cannot open " + path), path_(std::move(path)) {}
const char *IoError::kind() const { return "IoError"; }

ParseError::ParseError(int l, int c)
    : AppError(100 + l, "parse error at " + std::to_string(l) + ":" + std::to_string(c)),
      line(l), col(c) {}
const char *ParseError::kind() const { return "ParseError"; }
const char *FatalParseError::kind() const { return "FatalParseError"; }

Guard::Guard(const char *n) : name(n) { std::printf("  guard %s acquired\n", name); }
Guard::~Guard() { std::printf("  guard %s released\n", name); }

static int count;
void log_line(const std::string &s)
{
    ++count;
    std::printf("  log: %s\n", s.c_str());
}
int log_count() { return count; }
