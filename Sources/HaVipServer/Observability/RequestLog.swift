import Logging

/// The request log: one line per finished RPC request at `info` (`havip serve --log-level warning` silences
/// it), with the action, product, account, region, HTTP status, error code, duration in milliseconds and
/// request ID as metadata. It never logs a parameter other than the region, so no signature, nonce, token or
/// secret can reach it. The line's time is the log handler's (`--log-format text|json`).
struct RequestLog: RequestObserver {
    let logger: Logger

    func observe(_ request: FinishedRequest) {
        // The message and metadata are autoclosures: nothing below is built when the level is above info.
        logger.info("\(Self.summary(request))", metadata: Self.metadata(request))
    }

    /// `DescribeHaVips 200`, `CreateHaVip 400 InvalidParameter`.
    static func summary(_ request: FinishedRequest) -> String {
        "\(request.action ?? "-") \(request.status)" + (request.code.map { " " + $0 } ?? "")
    }

    static func metadata(_ request: FinishedRequest) -> Logger.Metadata {
        [
            "action": .string(request.action ?? "-"),
            "product": .string(request.product?.rawValue ?? "-"),
            "account": .string(request.account?.rawValue ?? "-"),
            "region": .string(request.region ?? "-"),
            "status": .stringConvertible(request.status),
            "code": .string(request.code ?? "-"),
            "durationMs": .stringConvertible((request.durationSeconds * 1_000_000).rounded() / 1_000),
            "requestId": .string(request.requestId),
        ]
    }
}
