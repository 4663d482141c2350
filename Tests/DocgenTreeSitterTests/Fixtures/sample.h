#ifndef SAMPLE_H
#define SAMPLE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A point in the plane.
 */
typedef struct point {
    double x;
    double y;
} point_t;

/// The kind of a shape.
enum kind { KIND_CIRCLE, KIND_SQUARE };

/** Adds two numbers.
 *  @param a the first
 *  @param b the second
 */
int add(int a, int b);

/// Frees a buffer.
/// Null is fine.
void release(void *buffer);

#ifdef __cplusplus
}
#endif

#endif
