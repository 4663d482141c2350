#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the loopback server needs.
enum LoopbackSocket {
    /// Why a socket call failed.
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: Int32

        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// The outcome of waiting for a socket to become readable.
    enum Readiness {
        case readable
        case timedOut
    }

    /// Creates a listening TCP socket on 127.0.0.1 and an ephemeral port.
    ///
    /// - Returns: The descriptor and the port the kernel chose.
    static func listenOnLoopback(backlog: Int32 = 128) throws -> (descriptor: Int32, port: Int) {
        let descriptor = try makeBoundSocket()
        guard listen(descriptor, backlog) == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(call: "listen", code: code)
        }
        do {
            return (descriptor, try boundPort(of: descriptor))
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Binds a socket to 127.0.0.1 on an ephemeral port without listening, so connecting to it is refused.
    static func makeBoundSocket() throws -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
        var reuse: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(0).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(call: "bind", code: code)
        }
        return descriptor
    }

    /// The local port a socket is bound to.
    static func boundPort(of descriptor: Int32) throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw Failure(call: "getsockname", code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits up to `milliseconds` for the descriptor to become readable (or hung up, which reads as readable).
    static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Readiness {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let result = poll(&entry, 1, milliseconds)
        return result > 0 ? .readable : .timedOut
    }

    /// Reads what is available, up to 64 KiB.
    ///
    /// - Returns: The bytes read; empty when the peer closed the connection or on an error.
    static func receive(_ descriptor: Int32) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return [] }
        return Array(buffer[0..<count])
    }

    /// Writes every byte, retrying partial writes.
    ///
    /// - Returns: False when the peer is gone.
    @discardableResult
    static func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                #if canImport(Glibc)
                    return send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                    return send(descriptor, base + offset, raw.count - offset, 0)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Stops further reads and writes so a thread blocked on the socket wakes up.
    static func shutdownBoth(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = shutdown(descriptor, Int32(SHUT_RDWR))
        #else
            _ = shutdown(descriptor, SHUT_RDWR)
        #endif
    }

    /// Closes the descriptor.
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}
