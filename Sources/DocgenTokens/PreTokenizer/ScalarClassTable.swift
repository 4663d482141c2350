/// A lookup table from Unicode scalar value to ``ScalarClass`` for the Basic Multilingual Plane.
///
/// The table is built once per process from the standard library's Unicode properties (about 65,536 lookups,
/// a few milliseconds) and never freed; scalars above U+FFFF are classified on demand.
struct ScalarClassTable: @unchecked Sendable {
    // @unchecked Sendable: `classes` points to memory written once in `init` and only read afterwards; it is
    // never freed or mutated, so sharing it between threads is safe.
    let classes: UnsafePointer<UInt8>

    /// The process-wide table, built on first use (Swift initialises globals and statics exactly once).
    static let shared = ScalarClassTable()

    private init() {
        let count = 0x10000
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        for value in 0..<count {
            if let scalar = Unicode.Scalar(UInt32(value)) {
                storage[value] = ScalarClass.compute(scalar).rawValue
            } else {
                storage[value] = 0  // surrogate code points never occur in Swift strings
            }
        }
        classes = UnsafePointer(storage)
    }

    /// The class of the scalar with the given value.
    @inline(__always)
    func classOf(_ value: UInt32) -> ScalarClass {
        if value < 0x10000 {
            return ScalarClass(rawValue: classes[Int(value)])
        }
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return ScalarClass.compute(scalar)
    }
}
