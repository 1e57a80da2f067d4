import HaVipLab
import HaVipModel
import HaVipServer

extension Dataplane {
    /// The control API's failover with the data plane on: the model checks the request (the HaVip, the association,
    /// a running target), the lab is brought up to date with the store (an association made a moment ago), the
    /// address moves on the wire (``Lab/moveAddress(haVip:to:)``: the others' keepalived let go, or the address is
    /// moved by hand with `--vrrp none`), and once the wire shows the target holding it, the master moves in the model.
    public func failover(_ request: FailoverRequest) async throws -> HaVip {
        let checkedAt = clock.now()
        _ = try await store.write {
            try HaVipOperations.checkFailover($0, account: request.account, haVipId: request.haVipId, to: request.target, now: checkedAt)
        }
        try await synchronize()
        do {
            try await lab.moveAddress(haVip: request.haVipId, to: request.target)
        } catch let error as LabError {
            throw Self.apiError(error)
        }
        let movedAt = clock.now()
        return try await store.write {
            try HaVipOperations.failover($0, account: request.account, haVipId: request.haVipId, to: request.target, now: movedAt)
        }
    }

    /// What a failover the lab could not make answers. The model checked the request first and the lab was just
    /// brought up to date, so a lab that still disagrees (no such HaVip, a target not associated or not running) is
    /// racing a concurrent change: like a lab that is not running, that is `DataPlaneUnavailable`, to be retried.
    static func apiError(_ error: LabError) -> APIError {
        switch error {
        case .moveTimedOut: .failoverTimedOut(error.description)
        default: .dataPlaneUnavailable(error.description)
        }
    }
}

/// The ``FailoverDriver`` of `havip serve --dataplane netns`: ``Dataplane/failover(_:)``.
public struct LabFailover: FailoverDriver {
    public let dataplane: Dataplane

    public init(_ dataplane: Dataplane) { self.dataplane = dataplane }

    public func failover(_ request: FailoverRequest) async throws -> HaVip {
        try await dataplane.failover(request)
    }
}
