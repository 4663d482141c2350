/// A direct-mapped cache from a pair of adjacent tokens to the rank of their concatenation, for one encode call.
///
/// During a merge every part is a whole token, so the bytes of two adjacent parts are exactly the bytes of their
/// two tokens and `(left, right)` identifies the span: the cache needs no byte packing or comparison and works
/// for spans of any length. Sized to the text (256 to 16,384 slots of 16 bytes); `UInt32.max` (not a token) is
/// cached too. The owner calls ``deallocate()``.
struct PairCache {
    /// One slot: `key` is `left << 32 | right`, `UInt64.max` when empty.
    struct Slot {
        var key: UInt64
        var rank: UInt32
    }

    private let slotMask: Int
    private let slots: UnsafeMutablePointer<Slot>

    /// A cache sized for a text of `textLength` bytes.
    init(textLength: Int) {
        var count = 256
        while count < 16_384, count * 8 < textLength {
            count <<= 1
        }
        slotMask = count - 1
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(key: UInt64.max, rank: 0), count: count)
    }

    /// Frees the cache; it must not be used afterwards.
    func deallocate() {
        slots.deallocate()
    }

    /// The rank of `left`'s bytes followed by `right`'s, which are `bytes[0..<length]`.
    @inline(__always)
    func rank(
        _ left: UInt32, _ right: UInt32, _ bytes: UnsafePointer<UInt8>, _ length: Int, table: borrowing RankTable
    ) -> UInt32 {
        let key = UInt64(left) << 32 | UInt64(right)
        let slot = slots + (Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & slotMask)
        if slot.pointee.key == key {
            return slot.pointee.rank
        }
        let rank = table.rank(bytes, length)
        slot.pointee = Slot(key: key, rank: rank)
        return rank
    }
}
