//! Shapes and their areas.

use std::fmt;

/// A shape with an area.
pub trait Shape: fmt::Debug {
    /// The area.
    fn area(&self) -> f64;
}

/// A circle.
///
/// Its radius is never negative.
#[derive(Debug, Clone)]
pub struct Circle {
    pub radius: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
}

impl Circle {
    /// Makes a circle.
    pub fn new(radius: f64) -> Self {
        Circle { radius }
    }

    pub(crate) fn grow(&mut self, by: f64) {
        self.radius += by;
    }
}

pub enum Kind {
    Round,
    Square,
}

mod util {
    /// Squares a number.
    #[inline]
    pub fn square(x: f64) -> f64 {
        x * x
    }
}

fn helper() {}
