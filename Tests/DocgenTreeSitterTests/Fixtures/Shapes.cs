using System;

namespace Geometry
{
    namespace Shapes.Flat
    {
        /// <summary>
        /// A polygon with
        /// straight sides.
        /// </summary>
        /// <typeparam name="T">The coordinate type.</typeparam>
        [Serializable]
        [Obsolete("Use Shape")]
        public abstract class Polygon<T> : IShape where T : struct
        {
            /// <summary>Makes one.</summary>

            protected Polygon(int sides)
            {
                Sides = sides;
            }

            /// <summary>Cleans up.</summary>
            ~Polygon() {}

            public int Sides { get; private set; }

            /// <summary>The area.</summary>
            /// <returns>Square units.</returns>
            public abstract double Area();

            [Obsolete]
            public static
                Polygon<T> Parse(string text)
            {
                return null;
            }

            /** The perimeter, in a block. */
            public virtual double Perimeter() { return 0; }

            public static Polygon<T> operator +(Polygon<T> a, Polygon<T> b) { return a; }

            /// <summary>A corner.</summary>
            // not part of the documentation
            internal struct Corner
            {
                public double X;
                public override string ToString() { return "corner"; }
            }
        }
    }

    /// <summary>Anything with an area.</summary>
    public interface IShape
    {
        /// <summary>The area.</summary>
        double Area();
    }

    enum Kind { Round, Square }

    static class Helpers
    {
        internal static void Log(string message) {}
    }
}
