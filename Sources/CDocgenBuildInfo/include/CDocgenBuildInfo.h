#ifndef DOCGEN_BUILD_INFO_H
#define DOCGEN_BUILD_INFO_H

// Facts fixed when docgen was built, for `docgen --version`.

/// The git commit docgen was built from: 40 hex digits, `-dirty` appended when the tree had uncommitted changes,
/// or "unknown". Set by the DOCGEN_BUILD_COMMIT environment variable at build time (scripts/package.sh sets it);
/// Package.swift turns it into a C define, so no file of the repository changes.
const char *docgen_build_commit(void);

#endif
