#include "CDocgenBuildInfo.h"

#ifndef DOCGEN_BUILD_COMMIT
#define DOCGEN_BUILD_COMMIT "unknown"
#endif

const char *docgen_build_commit(void) { return DOCGEN_BUILD_COMMIT; }
