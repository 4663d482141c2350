package app

/** A circle. */
@Serializable
data class Circle(val r: Double) : Shape {
    /** Area. */
    override fun area(): Double = 3.14 * r * r

    private fun secret() {}

    companion object {
        fun unit() = Circle(1.0)
    }
}

interface Shape { fun area(): Double }

object Registry {
    internal fun all(): List<Shape> = emptyList()
}

/** Doubles it. */
fun String.twice(): String = this + this

enum class Kind { ROUND }
