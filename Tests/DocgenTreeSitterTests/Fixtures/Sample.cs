namespace App.Models
{
    /// <summary>A circle.</summary>
    [Serializable]
    public class Circle : Shape
    {
        /// <summary>Area.</summary>
        public double Area() => 1;
        private Circle() {}
    }
    interface IShape { double Area(); }
    public struct P {}
    public record R(int X);
    enum E { A }
}
