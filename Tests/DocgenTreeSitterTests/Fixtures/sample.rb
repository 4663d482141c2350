# A shape.
module Shapes
  # A circle.
  class Circle < Base
    # Makes one.
    def initialize(r)
      @r = r
    end

    def self.unit
      new(1)
    end

    private

    def secret; end
  end
end

def helper(x) = x * 2
