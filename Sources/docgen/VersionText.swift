import CDocgenBuildInfo
import DocgenCurl
import DocgenMarkdown

/// What `docgen --version` prints: docgen's version, the commit it was built from, and the libcurl and libcmark
/// it runs with (read from the loaded libraries, not from the headers it was compiled against).
///
/// ```text
/// docgen 0.1.0
/// commit 5f1c0e9d3a…
/// libcurl 7.88.1 (OpenSSL/3.0.17)
/// libcmark 0.30.2
/// ```
enum VersionText {
    /// The commit embedded at build time (`DOCGEN_BUILD_COMMIT`, set by scripts/package.sh), or `unknown`.
    static var commit: String {
        guard let commit = docgen_build_commit() else { return "unknown" }
        return String(cString: commit)
    }

    /// The lines of `docgen --version`.
    static var current: String {
        let curl = CurlTransport.libraryInfo
        let tls = curl.tlsVersion.map { " (\($0))" } ?? ""
        return """
            docgen \(Docgen.version)
            commit \(commit)
            libcurl \(curl.curlVersion)\(tls)
            libcmark \(CmarkHTMLRenderer.libraryVersion)
            """
    }
}
