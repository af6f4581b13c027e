#include <cstdio>
#include <typeinfo>
#include "shapes.hpp"

ColoredSquare::ColoredSquare(std::string id, double s, std::string c)
    : Square(std::move(id), s), color(std::move(c)) {}
ColoredSquare::~ColoredSquare() { std::printf("  ~ColoredSquare(%s)\n", id().c_str()); }
std::string ColoredSquare::name() const { return color + " " + Square::name(); }
ColoredSquare *ColoredSquare::clone() const { return new ColoredSquare(id() + "'", side, color); }
std::string ColoredSquare::print() const { return color + " " + Square::print(); }

Shape *make_colored(double side, const char *color) { return new ColoredSquare("cs", side, color); }
Shape *make_square(double side) { return new Square("sq", side); }
Node *make_diamond() { return new Diamond; }

Printable *as_printable(Shape *s) { return dynamic_cast<Printable *>(s); }
bool is_square(const Shape &s) { return dynamic_cast<const Square *>(&s) != nullptr; }
bool same_type(const Shape &a, const Shape &b) { return typeid(a) == typeid(b); }
