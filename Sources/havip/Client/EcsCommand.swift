import ArgumentParser

/// `havip ecs <Action> --Name value ...`.
struct EcsCommand: AsyncParsableCommand {
    static let configuration = ProductCall.configuration(for: .ecs)

    @OptionGroup var call: ProductCall

    func run() async throws {
        try await call.run(.ecs)
    }
}
