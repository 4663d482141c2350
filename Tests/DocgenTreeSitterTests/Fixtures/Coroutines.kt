/*
 * License header.
 */

@file:JvmName("CoroutinesKt")

package kotlinx.sample

import kotlin.coroutines.CoroutineContext

/**
 * A scope for coroutines.
 *
 * @property context the context of this scope.
 */
public interface Scope {
    val context: CoroutineContext

    /** Launches a job. */
    fun launch(block: () -> Unit): Job
}

/**
 * Creates a [Scope].
 */
@Suppress("FunctionName")
public fun Scope(context: CoroutineContext): Scope = object : Scope {
    override val context = context
    override fun launch(block: () -> Unit): Job = Job()
}

/** A job. */
open class Job {
    /** Cancels it. */
    open fun cancel() {}

    companion object Factory {
        /** A finished job. */
        fun done(): Job = Job()
    }
}

/** How to start. */
enum class Start {
    DEFAULT,
    LAZY;

    /** Whether it starts at once. */
    fun isEager(): Boolean = this == DEFAULT
}

/**
 * Runs [block] on this scope.
 */
fun Scope.run(block: () -> Unit) {
    fun local() {}
    launch(block)
}
