/// Calls `call` after every RPC request that succeeded (``ServerConfiguration/afterSuccessfulRequest``).
struct SuccessObserver: RequestObserver {
    let call: @Sendable () -> Void

    func observe(_ request: FinishedRequest) {
        if request.code == nil { call() }
    }
}
