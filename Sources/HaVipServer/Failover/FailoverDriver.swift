import HaVipModel

/// What `POST /_havip/havips/{HaVipId}/failover` does: move a HaVip's master to one of its associated,
/// running instances or ENIs and answer the HaVip as it then is.
///
/// The default, ``ModelFailover``, moves it in the model (`HaVipOperations.failover`), which
/// `MasterInstanceId` shows at once. A data plane replaces it (``ServerConfiguration/failover``): it checks
/// the request through the model first, moves the address on the wire (the new master claims it, the old
/// one lets go), and reports the master it then observes through the same model operation.
public protocol FailoverDriver: Sendable {
    func failover(_ request: FailoverRequest) async throws -> HaVip
}

/// A failover the control API was asked for.
public struct FailoverRequest: Sendable, Equatable {
    /// The account that has the HaVip; nil when the request named none (the HaVip is found by ID).
    public var account: AccountID?
    public var haVipId: String
    /// The instance or ENI that is to hold the address.
    public var target: String

    public init(account: AccountID?, haVipId: String, target: String) {
        self.account = account
        self.haVipId = haVipId
        self.target = target
    }
}

/// Failover in the model only: the master moves in the store, in one transaction.
public struct ModelFailover: FailoverDriver {
    public let store: any HaVipStore
    public let clock: any WallClock

    public init(store: any HaVipStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    public func failover(_ request: FailoverRequest) async throws -> HaVip {
        let now = clock.now()
        return try await store.write { tx in
            try HaVipOperations.failover(tx, account: request.account, haVipId: request.haVipId, to: request.target, now: now)
        }
    }
}
