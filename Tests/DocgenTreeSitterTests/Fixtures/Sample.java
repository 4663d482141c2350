package com.example.shapes;

import java.util.List;

/**
 * A shape with an area.
 */
public interface Shape {
    /** The area in square units. */
    double area();
}

/**
 * A circle.
 */
@Deprecated
public class Circle implements Shape {
    private final double radius;

    /** Makes a circle. */
    public Circle(double radius) {
        this.radius = radius;
    }

    @Override
    public double area() {
        return Math.PI * radius * radius;
    }

    static class Builder {
        /**
         * Builds it.
         */
        Circle build() {
            return new Circle(1);
        }
    }
}

enum Kind {
    ROUND, SQUARE;

    boolean isRound() {
        return this == ROUND;
    }
}
