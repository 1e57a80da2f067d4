/// The Alibaba error envelope, in the order the real API writes it: `RequestId`, `HostId`, `Code`,
/// `Message`, `Recommend` (a troubleshooting link naming the code, the product and the request).
public enum ErrorEnvelope {
    public static func fields(requestId: String, hostId: String, code: String, message: String, product: String) -> [ResponseNode.Field] {
        [
            .init("RequestId", .string(requestId)),
            .init("HostId", .string(hostId)),
            .init("Code", .string(code)),
            .init("Message", .string(message)),
            .init("Recommend", .string("https://api.aliyun.com/troubleshoot?q=\(code)&product=\(product)&requestId=\(requestId)")),
        ]
    }
}
