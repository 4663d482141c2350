/// An open-addressing hash table from token bytes to rank, probed with byte slices of the input.
///
/// Each slot holds the first 8 bytes of its token packed into a `UInt64` plus the token's length and rank, so
/// tokens of up to 8 bytes (most of them) are found without touching the token byte buffer. Linear probing,
/// load factor at most 1/2.
///
/// The table is `~Copyable` and owns all of its memory: the token bytes and offsets it is built from (moved in
/// by ``init(tokenBytes:tokenOffsets:tokenCount:)``), the slots and the filter, which its `deinit` frees. No copy
/// can outlive the storage; ``Vocabulary`` holds the one instance and lends it out (`borrowing` parameters).
struct RankTable: ~Copyable, @unchecked Sendable {
    // @unchecked Sendable: the memory is written only in `init` and read-only until `deinit`, so concurrent
    // readers are safe; being noncopyable, the table cannot be shared other than by borrowing it.

    /// One slot: `key` is the packed first 8 bytes; `meta` is `length << 32 | rank`, or 0 when empty.
    struct Slot {
        var key: UInt64
        var meta: UInt64
    }

    private let slots: UnsafeMutablePointer<Slot>
    /// A Bloom filter over the tokens' hashes (2 bits per token in 2²¹ bits, 256 KB, about 3 % false
    /// positives): most byte strings that are not tokens are rejected without touching the big slot array.
    private let filter: UnsafeMutablePointer<UInt64>
    private static let filterBits = 1 << 21
    private let mask: Int
    private let tokenBytes: UnsafeMutablePointer<UInt8>
    private let tokenOffsets: UnsafeMutablePointer<UInt32>

    /// The length in bytes of the longest token.
    let maxTokenLength: Int

    /// The number of tokens (ranks `0..<tokenCount`).
    let tokenCount: Int

    /// Builds the table for tokens whose bytes are `tokenBytes[tokenOffsets[rank]..<tokenOffsets[rank + 1]]`,
    /// taking ownership of both buffers (the caller must not free or use them afterwards).
    init(tokenBytes: UnsafeMutablePointer<UInt8>, tokenOffsets: UnsafeMutablePointer<UInt32>, tokenCount: Int) {
        var capacity = 16
        while capacity < tokenCount * 2 {
            capacity <<= 1
        }
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, meta: 0), count: capacity)
        mask = capacity - 1
        filter = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.filterBits / 64)
        filter.initialize(repeating: 0, count: Self.filterBits / 64)
        self.tokenBytes = tokenBytes
        self.tokenOffsets = tokenOffsets
        self.tokenCount = tokenCount
        var longest = 0
        for rank in 0..<tokenCount {
            let start = Int(tokenOffsets[rank])
            let length = Int(tokenOffsets[rank + 1]) - start
            longest = max(longest, length)
            let pointer = tokenBytes + start
            let key = Self.packedPrefix(pointer, length)
            let hash = Self.hash(key, pointer, length)
            let (first, second) = Self.filterPositions(hash)
            filter[first >> 6] |= 1 << UInt64(first & 63)
            filter[second >> 6] |= 1 << UInt64(second & 63)
            var index = hash & mask
            while slots[index].meta != 0 {
                index = (index + 1) & mask
            }
            slots[index] = Slot(key: key, meta: UInt64(length) << 32 | UInt64(rank))
        }
        maxTokenLength = longest
    }

    /// The rank of the token whose bytes are `bytes[0..<length]`, or `UInt32.max` when there is none.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        let key = Self.packedPrefix(bytes, length)
        return rank(bytes, length, key: key, hash: Self.hash(key, bytes, length))
    }

    /// ``rank(_:_:)`` with the packed prefix and hash already computed.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int, key: UInt64, hash: Int) -> UInt32 {
        let (first, second) = Self.filterPositions(hash)
        if filter[first >> 6] & (1 << UInt64(first & 63)) == 0 || filter[second >> 6] & (1 << UInt64(second & 63)) == 0
        {
            return UInt32.max
        }
        var index = hash & mask
        let wanted = UInt64(length) << 32
        while true {
            let slot = slots[index]
            if slot.meta == 0 {
                return UInt32.max
            }
            if slot.key == key, slot.meta & 0xFFFF_FFFF_0000_0000 == wanted {
                let rank = UInt32(truncatingIfNeeded: slot.meta)
                if length <= 8 {
                    return rank
                }
                let stored = tokenBytes + Int(tokenOffsets[Int(rank)])
                if Self.equalTails(stored, bytes, length) {
                    return rank
                }
            }
            index = (index + 1) & mask
        }
    }

    /// The two Bloom filter bit positions of a hash (bits 21..<42 and 42..<63, independent of the slot index).
    @inline(__always)
    static func filterPositions(_ hash: Int) -> (Int, Int) {
        let bits = UInt64(bitPattern: Int64(hash))
        return (Int((bits >> 21) & UInt64(filterBits - 1)), Int((bits >> 42) & UInt64(filterBits - 1)))
    }

    /// The number of bytes the token bytes, offsets, slots and filter occupy.
    var storageByteCount: Int {
        Int(tokenOffsets[tokenCount]) + (tokenCount + 1) * 4 + (mask + 1) * MemoryLayout<Slot>.stride
            + Self.filterBits / 8
    }

    deinit {
        slots.deallocate()
        filter.deallocate()
        tokenBytes.deallocate()
        tokenOffsets.deallocate()
    }

    /// The bytes of the token with the given rank, which must be below ``tokenCount``; valid while the table is.
    @inline(__always)
    func bytes(ofRank rank: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(tokenOffsets[rank])
        return UnsafeBufferPointer(start: tokenBytes + start, count: Int(tokenOffsets[rank + 1]) - start)
    }

    /// Packs the first `min(length, 8)` bytes little-endian into a `UInt64`, zero-padded.
    @inline(__always)
    static func packedPrefix(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        if length >= 8 {
            return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var offset = 0
        if length & 4 != 0 {
            value = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            shift = 32
            offset = 4
        }
        if length & 2 != 0 {
            value |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << shift
            shift += 16
            offset += 2
        }
        if length & 1 != 0 {
            value |= UInt64(bytes[offset]) << shift
        }
        return value
    }

    /// Mixes the packed prefix, the length and any further bytes into a hash value.
    @inline(__always)
    static func hash(_ key: UInt64, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var hash = (key ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        var offset = 8
        while offset < length {
            let chunk = packedPrefix(bytes + offset, min(8, length - offset))
            hash = (hash ^ (hash >> 29) ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether bytes 8..<length of the two buffers are equal.
    @inline(__always)
    static func equalTails(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var offset = 8
        while offset < length {
            if lhs[offset] != rhs[offset] {
                return false
            }
            offset += 1
        }
        return true
    }
}
