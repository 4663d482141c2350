#include "sample.h"

static int counter;

/* Not a doc comment. */
static int bump(void);

int add(int a, int b)
{
    return a + b;
}

/*! Scales a point. */
point_t *scale(point_t *p,
               double factor)
{
    p->x *= factor;
    return p;
}

static int bump(void)
{
    return ++counter;
}

union value {
    int i;
    double d;
};
