// cxx_virtual: a base class defined in one module (shape.cpp), derived in
// another (derived.cpp), derived again in a third (more.cpp); virtual calls
// across modules, calls to base implementations, virtual destructors, pure
// virtual functions, dynamic_cast and typeid across modules, multiple and
// virtual inheritance (this-adjusting thunks), covariant returns, pointers to
// virtual member functions.
#ifndef SHAPES_HPP
#define SHAPES_HPP
#include <string>

class Shape {
public:
    explicit Shape(std::string id);
    virtual ~Shape();
    virtual double area() const = 0;
    virtual std::string name() const;
    virtual Shape *clone() const = 0;
    std::string describe() const;    // non-virtual, calls virtuals
    const std::string &id() const { return id_; }
    static int live;
private:
    std::string id_;
};

class Printable {
public:
    virtual ~Printable();
    virtual std::string print() const = 0;
    int serial = 0;
};

class Square : public Shape, public Printable {
public:
    Square(std::string id, double side);
    ~Square() override;
    double area() const override;
    std::string name() const override;
    Square *clone() const override;          // covariant
    std::string print() const override;
    double side;
};

class Circle : public Shape {
public:
    Circle(std::string id, double r);
    ~Circle() override;
    double area() const override;
    Circle *clone() const override;
    double r;
};

class ColoredSquare : public Square {
public:
    ColoredSquare(std::string id, double side, std::string color);
    ~ColoredSquare() override;
    std::string name() const override;       // calls Square::name()
    ColoredSquare *clone() const override;
    std::string print() const override;
    std::string color;
};

// virtual (diamond) inheritance
struct Node { virtual ~Node(); virtual int weight() const; int base_w = 1; };
struct Left : virtual Node { int weight() const override; };
struct Right : virtual Node { };
struct Diamond : Left, Right { int weight() const override; };

// shape.cpp
Shape *make_circle(double r);
std::string print_any(const Printable &p);
int node_weight(const Node &n);
// more.cpp
Shape *make_colored(double side, const char *color);
Shape *make_square(double side);
Node *make_diamond();
Printable *as_printable(Shape *s);   // dynamic_cast in more.cpp
bool is_square(const Shape &s);      // dynamic_cast in more.cpp
bool same_type(const Shape &a, const Shape &b); // typeid in more.cpp
#endif
