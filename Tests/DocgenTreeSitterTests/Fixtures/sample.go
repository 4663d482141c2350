// Package shapes measures shapes.
package shapes

import "math"

// Shape is anything with an area.
type Shape interface {
	Area() float64
}

// Circle is a round shape.
//
// Its zero value is a point.
type Circle struct {
	Radius float64
}

type (
	// Celsius is a temperature.
	Celsius float64
	point   struct{ x, y int }
)

// Area returns the area.
//
//go:noinline
func (c *Circle) Area() float64 {
	return math.Pi * c.Radius * c.Radius
}

func (p point) norm() int { return p.x*p.x + p.y*p.y }

// NewCircle makes a circle.
func NewCircle(r float64) *Circle {
	return &Circle{Radius: r}
}
