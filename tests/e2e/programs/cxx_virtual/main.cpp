#include <cstdio>
#include <memory>
#include <typeinfo>
#include <vector>
#include "shapes.hpp"

// a class derived in main from a class of another module
class Triangle : public Shape {
public:
    Triangle(double b, double h) : Shape("tri"), b(b), h(h) {}
    ~Triangle() override { std::printf("  ~Triangle\n"); }
    double area() const override { return b * h / 2; }
    std::string name() const override { return "triangle(" + Shape::name() + ")"; }
    Triangle *clone() const override { return new Triangle(b * 2, h); }
    double b, h;
};

int main()
{
    std::vector<std::unique_ptr<Shape>> v;
    v.emplace_back(make_circle(2));
    v.emplace_back(make_square(3));
    v.emplace_back(make_colored(1.5, "red"));
    v.emplace_back(new Triangle(4, 5));
    v.emplace_back(v[2]->clone());
    std::printf("live=%d\n", Shape::live);

    for (auto &s : v) {
        Printable *p = as_printable(s.get());
        if (p)
            p->serial = 7;
        std::printf("%s | square? %s | printable: %s\n", s->describe().c_str(),
                    is_square(*s) ? "yes" : "no", p ? print_any(*p).c_str() : "-");
    }
    const Shape &second = *v[1];
    std::printf("typeid(*v[1]) == typeid(Square): %s\n", typeid(second) == typeid(Square) ? "yes" : "no");
    std::printf("same_type(v[2], v[4]): %s, same_type(v[1], v[2]): %s\n",
                same_type(*v[2], *v[4]) ? "yes" : "no", same_type(*v[1], *v[2]) ? "yes" : "no");
    std::printf("dynamic_cast<ColoredSquare*>(v[2]) %s\n",
                dynamic_cast<ColoredSquare *>(v[2].get()) ? "ok" : "null");
    std::printf("dynamic_cast<Circle*>(v[1]) %s\n", dynamic_cast<Circle *>(v[1].get()) ? "ok" : "null");

    // pointer to virtual member function, called on objects from three modules
    std::string (Shape::*pm)() const = &Shape::name;
    for (auto &s : v)
        std::printf("via member pointer: %s\n", ((*s).*pm)().c_str());

    std::unique_ptr<Node> d(make_diamond());
    std::printf("diamond weight=%d via node_weight=%d\n", d->weight(), node_weight(*d));

    std::printf("destroying:\n");
    v.clear();
    std::printf("live=%d\n", Shape::live);
    return 0;
}
