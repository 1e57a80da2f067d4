import HaVipModel
import RPCWire

/// One RPC action: decodes its parameters, calls one model operation, builds the response tree.
public protocol RPCAction: Sendable {
    /// The exact wire name, e.g. `DescribeHaVips`.
    static var name: String { get }
    static var product: Product { get }
    static func run(_ call: ActionCall) async throws -> RPCResponse
}

/// What an action gets: the request's parameters, the authenticated caller and the service's state.
public struct ActionCall: Sendable {
    /// The wire name of the action being run.
    public let action: String
    public let parameters: Parameters
    public let caller: AccessKey
    public let services: ActionServices

    public init(action: String, parameters: Parameters, caller: AccessKey, services: ActionServices) {
        self.action = action
        self.parameters = parameters
        self.caller = caller
        self.services = services
    }

    public var account: AccountID { caller.account }
}

/// The shared state and seams every action may use.
public struct ActionServices: Sendable {
    public let store: any HaVipStore
    public let clock: any WallClock
    public let ids: any IDGenerator
    public let settings: ModelSettings
    /// Where deep pages of listings start, learned by this process's reads (``PageMarks``).
    public let pageMarks: PageMarks

    public init(
        store: any HaVipStore, clock: any WallClock, ids: any IDGenerator, settings: ModelSettings = ModelSettings(),
        pageMarks: PageMarks = PageMarks()
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.settings = settings
        self.pageMarks = pageMarks
    }
}
