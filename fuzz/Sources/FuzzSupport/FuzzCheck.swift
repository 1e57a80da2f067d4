/// Stops the fuzzer on a broken property: a crash is what libFuzzer records, with the input that caused it.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

/// Runs `body` on the bytes libFuzzer hands over.
public func withFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    body(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
}
