// cxx_exceptions: exceptions thrown in one module and caught in another; a
// custom hierarchy (key functions, vtables and typeinfo in errors.cpp) caught by
// base class; rethrow with `throw;` from a third module; RAII destructors run
// during unwinding through frames of several modules; std::exception_ptr
// captured in one module, rethrown in another; nested exceptions; standard
// library exceptions (std::out_of_range from vector::at); non-class types.
#ifndef ERRORS_HPP
#define ERRORS_HPP
#include <exception>
#include <string>

class AppError : public std::exception {
public:
    AppError(int code, std::string msg);
    ~AppError() override;
    const char *what() const noexcept override;
    virtual const char *kind() const;
    int code() const { return code_; }
private:
    int code_;
    std::string msg_;
};

class IoError : public AppError {
public:
    IoError(int code, std::string path);
    const char *kind() const override;
    const std::string &path() const { return path_; }
private:
    std::string path_;
};

class ParseError : public AppError {
public:
    ParseError(int line, int col);
    const char *kind() const override;
    int line, col;
};

class FatalParseError final : public ParseError {
public:
    FatalParseError(int line) : ParseError(line, 0) {}
    const char *kind() const override;
};

struct Guard {            // prints when destroyed (also during unwinding)
    explicit Guard(const char *n);
    ~Guard();
    const char *name;
};

// thrower.cpp
void throw_by_code(int code);
int parse_digits(const char *s);
void relay(int code);                  // catch (...) { note; throw; }
std::exception_ptr capture(int code);  // returns a captured exception
void throw_nested(int code);
int vector_at(int index);

// errors.cpp
void log_line(const std::string &s);
int log_count();
#endif
