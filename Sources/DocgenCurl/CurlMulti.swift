import CCurl
import DocgenBase
import Foundation
import Synchronization

/// Runs every transfer of one ``CurlTransport`` on a single dedicated thread through a libcurl multi handle.
///
/// The multi handle owns the connection cache (and DNS cache), so sequential and concurrent requests reuse
/// connections, and HTTP/2 streams multiplex. The thread sleeps in `curl_multi_poll`; other threads hand it
/// commands (add, cancel, unpause, abandon) through a locked queue and wake it with `curl_multi_wakeup`, the one multi
/// call libcurl allows from another thread. Blocking never touches Swift's cooperative pool.
final class CurlMulti: @unchecked Sendable {
    // @unchecked Sendable: `handle` and `transfers` are used only on the loop thread (after init hands them
    // over by starting the thread); `commands` is behind a Mutex; curl_multi_wakeup is thread-safe.

    enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case unpause(CurlTransfer)
        case abandon(CurlTransfer)
    }

    private struct Queue {
        var commands: [Command] = []
        var isShutDown = false
    }

    private let handle: UnsafeMutableRawPointer
    private let queue = Mutex(Queue())
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:] {
        didSet { activeTransfers.store(transfers.count, ordering: .relaxed) }
    }
    private let activeTransfers = Atomic(0)

    /// Creates the multi handle and starts its thread.
    ///
    /// - Parameter maximumCachedConnections: `CURLMOPT_MAXCONNECTS`.
    /// - Throws: ``CurlError`` when libcurl cannot allocate the handle.
    init(maximumCachedConnections: Int) throws {
        guard let handle = curl_multi_init() else { throw CurlError.multiCreationFailed }
        self.handle = handle
        _ = docgen_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(maximumCachedConnections, 1))
        let thread = Thread { [self] in run() }
        thread.name = "docgen.curl"
        thread.start()
    }

    /// How many transfers are inside the multi handle right now (for tests and diagnostics).
    var activeTransferCount: Int { activeTransfers.load(ordering: .relaxed) }

    /// Hands a configured transfer to the loop. If the loop has shut down, the transfer fails as cancelled.
    func submit(_ transfer: CurlTransfer) {
        enqueue(.add(transfer), orElse: { transfer.finish(with: .cancelled) })
    }

    /// Asks the loop to abort a transfer; it finishes as cancelled unless it already finished.
    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        enqueue(.cancel(transfer), orElse: {})
    }

    /// Asks the loop to resume a transfer paused by stream backpressure.
    func unpause(_ transfer: CurlTransfer) {
        enqueue(.unpause(transfer), orElse: {})
    }

    /// Tells the loop that nobody reads a streamed body any more: the transfer drains a short remainder so its
    /// connection can be reused, and is aborted if the remainder is long or slow
    /// (see ``CurlTransfer/startDraining()``).
    func abandon(_ transfer: CurlTransfer) {
        enqueue(.abandon(transfer), orElse: {})
    }

    /// Stops the loop: in-flight transfers finish as cancelled and the multi handle is cleaned up.
    func shutdown() {
        queue.withLock { queue in
            guard !queue.isShutDown else { return }
            queue.isShutDown = true
            curl_multi_wakeup(handle)
        }
    }

    /// Queues a command, or runs `fallback` when the loop has shut down.
    ///
    /// The wake-up happens under the lock: the loop cleans up the multi handle only after it has seen
    /// `isShutDown` under the same lock, so no thread can wake a handle that was already cleaned up.
    private func enqueue(_ command: Command, orElse fallback: () -> Void) {
        let accepted = queue.withLock { queue -> Bool in
            guard !queue.isShutDown else { return false }
            queue.commands.append(command)
            curl_multi_wakeup(handle)
            return true
        }
        if !accepted { fallback() }
    }

    // MARK: - Loop thread

    private func run() {
        var running: Int32 = 0
        while true {
            let (commands, isShutDown) = queue.withLock { queue in
                defer { queue.commands.removeAll() }
                return (queue.commands, queue.isShutDown)
            }
            for command in commands { apply(command) }
            if isShutDown { break }
            curl_multi_perform(handle, &running)
            collectFinishedTransfers()
            curl_multi_poll(handle, nil, 0, 1000, nil)
        }
        // Commands queued after the last drain can only be adds and cancels that raced with shutdown.
        let late = queue.withLock { queue in
            defer { queue.commands.removeAll() }
            return queue.commands
        }
        for case .add(let transfer) in late { transfer.finish(with: .cancelled) }
        for (easy, transfer) in transfers {
            curl_multi_remove_handle(handle, easy)
            transfer.finish(with: .cancelled)
        }
        transfers.removeAll()
        curl_multi_cleanup(handle)
    }

    private func apply(_ command: Command) {
        switch command {
        case .add(let transfer):
            guard !transfer.isCancelled, let easy = transfer.easyHandle else {
                transfer.finish(with: .cancelled)
                return
            }
            let code = curl_multi_add_handle(handle, easy)
            guard code == CURLM_OK else {
                transfer.finish(with: .other, detail: String(cString: curl_multi_strerror(code)))
                return
            }
            transfers[easy] = transfer
        case .cancel(let transfer):
            guard let easy = transfer.easyHandle, transfers.removeValue(forKey: easy) != nil else { return }
            curl_multi_remove_handle(handle, easy)
            transfer.finish(with: .cancelled)
        case .unpause(let transfer):
            guard let easy = transfer.easyHandle, transfers[easy] != nil else { return }
            _ = docgen_curl_easy_unpause(easy)
        case .abandon(let transfer):
            guard let easy = transfer.easyHandle, transfers[easy] != nil else { return }
            transfer.startDraining()
            _ = docgen_curl_easy_unpause(easy)
        }
    }

    private func collectFinishedTransfers() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = docgen_curl_msg_result(message)
            guard let transfer = transfers.removeValue(forKey: easy) else { continue }
            curl_multi_remove_handle(handle, easy)
            transfer.complete(result)
        }
    }
}
