#ifndef DOCGEN_CTREESITTER_SHIM_H
#define DOCGEN_CTREESITTER_SHIM_H

#include <dlfcn.h>
#include <tree_sitter/api.h>

/// The grammar entry point a grammar library exports (`tree_sitter_go`, ...), called through a pointer from dlsym.
static inline const TSLanguage *docgen_ts_call_language(void *symbol) {
    typedef const TSLanguage *(*docgen_ts_language_function)(void);
    return ((docgen_ts_language_function)symbol)();
}

#endif
