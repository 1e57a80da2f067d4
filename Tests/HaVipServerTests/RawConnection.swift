#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A plain TCP connection to 127.0.0.1 for tests that send what no HTTP client would: blocking POSIX calls
/// with a receive timeout, so every read is bounded in time.
final class RawConnection {
    private let socket: Int32

    init(port: Int, receiveTimeout: Double = 5) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawConnectionError.system("socket", errno) }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - Double(Int(receiveTimeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(socket)
            throw RawConnectionError.system("connect", code)
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawConnectionError.system("send", errno) }
            offset += sent
        }
    }

    /// Everything until the server closes (or the receive timeout passes: then `timedOut` is true).
    func receiveAll() -> (bytes: [UInt8], timedOut: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
            } else {
                return (received, count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            }
        }
    }

    /// One response: reads until the head and `Content-Length` bytes of body are in.
    func receiveResponse() throws -> RawResponse {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let response = RawResponse(parsing: received) { return response }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw RawConnectionError.closedBeforeResponse(String(decoding: received, as: UTF8.self)) }
            received += buffer[..<count]
        }
    }

    /// Whether the server has closed its side: a read returns end-of-file (not a timeout).
    func isClosedByServer() -> Bool {
        let (bytes, timedOut) = receiveAll()
        return bytes.isEmpty && !timedOut
    }

    /// Stops sending (the server sees end-of-file) but keeps reading.
    func shutdownOutput() { shutdown(socket, Int32(SHUT_WR)) }
}

enum RawConnectionError: Error {
    case system(String, Int32)
    case closedBeforeResponse(String)
}

/// An HTTP/1.1 response as bytes arrived: status, headers (lower-cased names), body.
struct RawResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]
    /// The length of the whole response in the bytes it was parsed from.
    let length: Int

    init?(parsing bytes: [UInt8]) {
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let bodyStart = headEnd + separator.count
        let bodyLength = headers["content-length"].flatMap(Int.init) ?? 0
        guard bytes.count >= bodyStart + bodyLength else { return nil }
        self.status = status
        self.headers = headers
        self.body = Array(bytes[bodyStart..<(bodyStart + bodyLength)])
        self.length = bodyStart + bodyLength
    }

    var json: [String: Any] {
        get throws {
            try (JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
        }
    }
}

/// Runs blocking socket calls on a thread of their own: Swift's cooperative pool has a thread per core, and
/// a test blocking them all would keep the server's own tasks from running.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
