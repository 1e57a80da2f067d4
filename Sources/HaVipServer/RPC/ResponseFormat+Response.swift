import HTTPTypes
import Hummingbird
import RPCWire

extension ResponseFormat {
    /// An RPC answer, success or error: the fields rendered in this format, with its content type and the
    /// `x-acs-request-id` header.
    func response(_ fields: [ResponseNode.Field], root: String, status: HTTPResponse.Status, requestId: String) -> Response {
        var headers = HTTPFields()
        // Room for the two fields here and the two the response gains on its way out (content-length,
        // date): one allocation for all four.
        headers.reserveCapacity(4)
        headers.append(HTTPField(name: .contentType, value: contentType))
        headers.append(HTTPField(name: .acsRequestId, value: requestId))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: render(fields, root: root))))
    }
}

extension HTTPField.Name {
    /// The request ID header every RPC answer carries.
    static let acsRequestId = HTTPField.Name("x-acs-request-id")!
}
