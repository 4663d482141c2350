import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LoopbackHTTPServer {
    /// The server's shared state and threads. Kept apart from ``LoopbackHTTPServer`` so that the threads do
    /// not keep the public object alive: releasing the server shuts the core down.
    final class Core: Sendable {
        struct State {
            var requests: [Request] = []
            var acceptedConnections = 0
            var openConnections: Set<Int32> = []
            var isStopping = false
            var liveThreads = 0
        }

        let listener: Int32
        let limits: Limits
        let handler: Handler
        let state = Mutex(State())

        init(listener: Int32, limits: Limits, handler: @escaping Handler) {
            self.listener = listener
            self.limits = limits
            self.handler = handler
        }

        var isStopping: Bool { state.withLock { $0.isStopping } }

        /// Starts the accept thread.
        func start() {
            state.withLock { $0.liveThreads += 1 }
            let thread = Thread { [self] in acceptLoop() }
            thread.name = "LoopbackHTTPServer.accept"
            thread.start()
        }

        /// Accepts connections until shutdown, polling so the loop notices shutdown within 50 ms.
        private func acceptLoop() {
            defer { state.withLock { $0.liveThreads -= 1 } }
            while !isStopping {
                guard LoopbackSocket.waitReadable(listener, milliseconds: 50) == .readable else { continue }
                let client = accept(listener, nil, nil)
                guard client >= 0 else { continue }
                let number = state.withLock { state -> Int? in
                    guard !state.isStopping else { return nil }
                    state.acceptedConnections += 1
                    state.openConnections.insert(client)
                    state.liveThreads += 1
                    return state.acceptedConnections
                }
                guard let number else {
                    LoopbackSocket.close(client)
                    return
                }
                var noDelay: Int32 = 1
                _ = setsockopt(
                    client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                let thread = Thread { [self] in
                    var connection = LoopbackConnection(core: self, descriptor: client, number: number)
                    connection.run()
                    connectionFinished(client)
                }
                thread.name = "LoopbackHTTPServer.connection"
                thread.start()
            }
        }

        /// Records a request before its action runs.
        func record(_ request: Request) {
            state.withLock { $0.requests.append(request) }
        }

        private func connectionFinished(_ descriptor: Int32) {
            state.withLock { state in
                state.openConnections.remove(descriptor)
                state.liveThreads -= 1
            }
            LoopbackSocket.close(descriptor)
        }

        /// Stops every thread; waits at most 5 seconds for them.
        func shutdown() {
            let wasRunning = state.withLock { state -> Bool in
                guard !state.isStopping else { return false }
                state.isStopping = true
                // Under the lock, so a connection thread cannot close (and the kernel reuse) a descriptor
                // between reading the set and shutting the socket down.
                LoopbackSocket.shutdownBoth(listener)
                for descriptor in state.openConnections { LoopbackSocket.shutdownBoth(descriptor) }
                return true
            }
            guard wasRunning else { return }
            for _ in 0..<5_000 where state.withLock({ $0.liveThreads > 0 }) {
                usleep(1_000)
            }
            LoopbackSocket.close(listener)
        }

        /// Sleeps for `duration` (capped by ``Limits/maximumHang``) in short steps, ending early on shutdown.
        ///
        /// - Returns: False when the server is stopping.
        func pause(for duration: Duration) -> Bool {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: min(duration, limits.maximumHang))
            while clock.now < deadline {
                if isStopping { return false }
                usleep(2_000)
            }
            return !isStopping
        }
    }
}
