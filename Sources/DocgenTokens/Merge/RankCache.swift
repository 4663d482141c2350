/// A direct-mapped cache of rank lookups for byte strings of up to 8 bytes, private to one encode call.
///
/// The vocabulary's hash table is several megabytes, so most probes miss the CPU caches; natural text repeats
/// the same short pieces and pairs constantly, and this table (16 bytes per slot, sized to the text: 256 to
/// 16,384 slots, at most 256 KB) keeps them in L1/L2. Negative results (`UInt32.max`) are cached too.
struct RankCache {
    private let slotMask: Int
    private let slots: UnsafeMutablePointer<RankTable.Slot>

    /// A cache sized for a text of `textLength` bytes.
    init(textLength: Int) {
        var count = 256
        while count < 16_384, count * 8 < textLength {
            count <<= 1
        }
        slotMask = count - 1
        slots = UnsafeMutablePointer<RankTable.Slot>.allocate(capacity: count)
        slots.initialize(repeating: RankTable.Slot(key: 0, meta: 0), count: count)
    }

    func deallocate() {
        slots.deallocate()
    }

    /// The rank of `bytes[0..<length]` (`length` in 2...8), from the cache or else from `table`.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int, table: borrowing RankTable) -> UInt32 {
        let key = RankTable.packedPrefix(bytes, length)
        let hash = RankTable.hash(key, bytes, length)
        let slot = slots + ((hash >> 7) & slotMask)
        let wanted = UInt64(length) << 32
        if slot.pointee.key == key, slot.pointee.meta & 0xFFFF_FFFF_0000_0000 == wanted {
            return UInt32(truncatingIfNeeded: slot.pointee.meta)
        }
        let rank = table.rank(bytes, length, key: key, hash: hash)
        slot.pointee = RankTable.Slot(key: key, meta: wanted | UInt64(rank))
        return rank
    }
}
