import ArgumentParser

/// `havip sts <Action> --Name value ...`.
struct StsCommand: AsyncParsableCommand {
    static let configuration = ProductCall.configuration(for: .sts)

    @OptionGroup var call: ProductCall

    func run() async throws {
        try await call.run(.sts)
    }
}
