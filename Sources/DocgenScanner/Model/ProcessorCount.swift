import Foundation

/// The number of cores the process may use.
enum ProcessorCount {
    /// `ProcessInfo.activeProcessorCount`.
    static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
