#ifndef DOCGEN_CCMARK_SHIM_H
#define DOCGEN_CCMARK_SHIM_H

#include <cmark.h>

#endif
