import HaVipModel
import NIOCore
import NIOHTTP1
import RPCWire

/// The error answers a connection writes itself, before any route: a whole HTTP/1.1 response with the
/// Alibaba JSON envelope, a `Content-Length` and `Connection: close`, as bytes for the socket.
///
/// Written past NIO's response encoder on purpose: the encoder strips the body and its length from any
/// response to a `CONNECT` (RFC 9112 reads it as a tunnel), and these answers must carry both.
struct ConnectionErrorAnswer: Sendable {
    let ids: any IDGenerator

    func bytes(for error: APIError, host: String?) -> ByteBuffer {
        let requestId = ids.requestId()
        let body = JSONRenderer.render(
            ErrorEnvelope.fields(
                requestId: requestId, hostId: host ?? "havip", code: error.code, message: error.message, product: "Vpc"))
        let status = HTTPResponseStatus(statusCode: error.httpStatus)
        var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        head += "Content-Type: \(ResponseFormat.json.contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        head += "x-acs-request-id: \(requestId)\r\n"
        head += "Connection: close\r\n\r\n"
        var buffer = ByteBuffer()
        buffer.reserveCapacity(head.utf8.count + body.count)
        buffer.writeString(head)
        buffer.writeBytes(body)
        return buffer
    }

    /// The host part of a request's authority (`HostId` in the envelope), as the RPC route takes it.
    static func hostId(authority: String?) -> String? {
        authority.map { String($0.split(separator: ":").first ?? Substring($0)) }
    }
}
