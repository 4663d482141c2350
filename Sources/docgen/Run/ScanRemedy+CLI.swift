import DocgenScanner

extension ScanResult.Skipped {
    /// The reason with the library's remedy in the command line's words.
    ///
    /// - Parameter flags: Whether the command has the scan flags (`docgen scan`); otherwise the remedy names the
    ///   configuration key and its environment variable.
    func reasonForCLI(flags: Bool) -> String {
        guard let remedy else { return reason }
        switch remedy.setting {
        case .maxFileSize:
            let setting = flags ? "--max-file-size" : "scan.max_file_size (DOCGEN_SCAN_MAX_FILE_SIZE)"
            return "\(reason); raise \(setting) to at least \(remedy.minimumValue)"
        }
    }
}

extension ScanResult {
    /// The result with every skipped reason worded for `docgen scan`.
    var wordedForScanCommand: ScanResult {
        var result = self
        result.skipped = skipped.map {
            ScanResult.Skipped(path: $0.path, reason: $0.reasonForCLI(flags: true), remedy: $0.remedy)
        }
        return result
    }
}
