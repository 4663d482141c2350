import DocgenBase

extension SourceFile {
    /// The file with every secret in its source, signatures and docstrings replaced (see ``SecretRedactor``).
    ///
    /// Lines keep their numbers, so symbols keep their places. The counts are those of the source; signatures
    /// and docstrings are part of it.
    ///
    /// - Parameter redactor: The redactor.
    /// - Returns: The redacted file and the secrets replaced, by kind (empty when none).
    public func redacted(by redactor: SecretRedactor) -> (file: SourceFile, counts: [SecretRedactor.Kind: Int]) {
        let result = redactor.redact(source)
        guard result.total > 0 else { return (self, [:]) }
        var copy = self
        copy.source = result.text
        copy.symbols = symbols.map { symbol in
            var symbol = symbol
            symbol.signature = redactor.redact(symbol.signature).text
            symbol.docstring = symbol.docstring.map { redactor.redact($0).text }
            return symbol
        }
        return (copy, result.counts)
    }
}

/// Every file of a run redacted before anything is planned or sent, with the counts per module.
public struct RedactionPass: Sendable {
    /// The files as prompts will see them.
    public var files: [SourceFile]
    /// Secrets replaced per module path, by kind (modules without secrets are absent).
    public var counts: [String: [SecretRedactor.Kind: Int]]
    /// ``Fingerprint`` of every source found to hold no secret: the next run skips those (see ``RedactionCache``).
    public var cleanSources: Set<String> = []

    /// Secrets replaced over every module.
    public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Redacts `files` (in parallel), or passes them through when `enabled` is false.
    ///
    /// A source's signatures and docstrings are part of it: a clean source has clean symbols.
    ///
    /// - Parameters:
    ///   - files: The scanned files.
    ///   - enabled: Whether to redact (`--no-redact` turns it off).
    ///   - width: Files redacted at once.
    ///   - clean: Fingerprints of sources an earlier run found clean (``cleanSources``): not searched again.
    public static func run(_ files: [SourceFile], enabled: Bool, width: Int = 4, clean: Set<String> = []) async
        -> RedactionPass
    {
        guard enabled else { return RedactionPass(files: files, counts: [:]) }
        let redactor = SecretRedactor()
        let results = await BoundedConcurrency.map(files, width: width) { file in
            let fingerprint = Fingerprint.hex(of: file.source)
            let result = clean.contains(fingerprint) ? (file: file, counts: [:]) : file.redacted(by: redactor)
            return (file: result.file, counts: result.counts, fingerprint: fingerprint)
        }
        var pass = RedactionPass(files: [], counts: [:])
        for (file, result) in zip(files, results) {
            guard let result else {
                pass.files.append(file)
                continue
            }
            pass.files.append(result.file)
            if result.counts.isEmpty {
                pass.cleanSources.insert(result.fingerprint)
            } else {
                pass.counts[file.path] = result.counts
            }
        }
        return pass
    }

    /// One line for people: `redacted 14 secrets in 2 modules (3 openai-key, …)`, or nil when none.
    public var summaryLine: String? {
        guard total > 0 else { return nil }
        var byKind: [SecretRedactor.Kind: Int] = [:]
        for module in counts.values { for (kind, count) in module { byKind[kind, default: 0] += count } }
        let kinds = byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        return "redacted \(total) secret\(total == 1 ? "" : "s") in \(counts.count) module"
            + "\(counts.count == 1 ? "" : "s") before sending (\(kinds.joined(separator: ", "))); --no-redact turns it off"
    }
}
