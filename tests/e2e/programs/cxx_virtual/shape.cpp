#include <cstdio>
#include "shapes.hpp"

int Shape::live;

Shape::Shape(std::string id) : id_(std::move(id)) { ++live; }
Shape::~Shape() { --live; std::printf("  ~Shape(%s)\n", id_.c_str()); }
std::string Shape::name() const { return "shape"; }
std::string Shape::describe() const
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", area());
    return id() + ": " + name() + " area=" + buf;
}

Printable::~Printable() {}

Node::~Node() {}
int Node::weight() const { return base_w; }

// Circle is declared in the header; its members live in derived.cpp
Shape *make_circle(double r) { return new Circle("c" + std::to_string((int)r), r); }

std::string print_any(const Printable &p) { return "[" + p.print() + "]"; }
int node_weight(const Node &n) { return n.weight(); }
