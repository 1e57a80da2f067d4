import ArgumentParser

/// `havip vpc <Action> --Name value ...`.
struct VpcCommand: AsyncParsableCommand {
    static let configuration = ProductCall.configuration(for: .vpc)

    @OptionGroup var call: ProductCall

    func run() async throws {
        try await call.run(.vpc)
    }
}
