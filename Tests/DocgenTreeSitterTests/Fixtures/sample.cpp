#include "shape.hpp"
#include <vector>

namespace geo {
namespace detail {

/// A shape with an area.
class Shape : public Base, private Counted {
public:
    /// The area.
    virtual double area() const = 0;
    Shape(int sides);
    ~Shape();

protected:
    int sides_;

private:
    int helper() { return sides_; }
};

struct Point {
    double x, y;
    double norm() const;
};

/** A box of anything. */
template <typename T>
class Box {
    T value_;
public:
    T get() const { return value_; }
};

}  // namespace detail

/// Builds a shape.
detail::Shape::Shape(int sides) : sides_(sides) {}

double detail::Point::norm() const
{
    return x * x + y * y;
}

template <typename T>
T largest(T a, T b)
{
    return a < b ? b : a;
}

}  // namespace geo

namespace {
int hidden() { return 0; }
}

static void log_line(const char *text) {}

bool operator==(const geo::detail::Point &a, const geo::detail::Point &b) { return a.x == b.x; }
