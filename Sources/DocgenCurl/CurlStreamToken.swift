/// The reading end of a streamed body, held only by the body stream's closure.
///
/// When the reader is cancelled, the transfer is aborted at once. When the reader drops the stream without
/// reading it to the end (typically right after `data: [DONE]`), the transfer drains a short remainder so the
/// connection can be reused, and is aborted when the remainder is long or slow.
final class CurlStreamToken: Sendable {
    private let transfer: CurlTransfer
    private let buffer: CurlBodyBuffer

    init(transfer: CurlTransfer, buffer: CurlBodyBuffer) {
        self.transfer = transfer
        self.buffer = buffer
    }

    deinit {
        buffer.abandon()
        transfer.owner.multi.abandon(transfer)
    }

    /// The next chunk, nil at the end of the body.
    func next() async throws -> [UInt8]? {
        do {
            let (chunk, resumesProducer) = try await buffer.next()
            if resumesProducer { transfer.owner.multi.unpause(transfer) }
            return chunk
        } catch {
            if Task.isCancelled { transfer.owner.multi.cancel(transfer) }
            throw error
        }
    }
}
