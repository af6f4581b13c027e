#include <cstdio>
#include "shapes.hpp"

Square::Square(std::string id, double s) : Shape(std::move(id)), side(s) {}
Square::~Square() { std::printf("  ~Square(%s)\n", id().c_str()); }
double Square::area() const { return side * side; }
std::string Square::name() const { return "square"; }
Square *Square::clone() const { return new Square(id() + "'", side); }
std::string Square::print() const { return "Square " + id() + " #" + std::to_string(serial); }

Circle::Circle(std::string id, double radius) : Shape(std::move(id)), r(radius) {}
Circle::~Circle() { std::printf("  ~Circle(%s)\n", id().c_str()); }
double Circle::area() const { return 3.25 * r * r; }
Circle *Circle::clone() const { return new Circle(id() + "'", r); }

int Left::weight() const { return base_w * 10; }
int Diamond::weight() const { return Left::weight() + 5; }
