import HaVipModel
import Hummingbird

/// On the RPC route, after authentication and before the action: a request that an injected fault hits
/// waits the fault's latency, then fails with exactly the fault's error (rendered in the real envelope by
/// ``RPCEnvelopeMiddleware``) without reaching the action, so it changes nothing; a fault with no error only
/// delays it.
///
/// What a request pays: with no fault in force, one atomic load (``FaultBook/faults``). With faults, a
/// look through them in memory; only a hit of a fault with a `count` goes to the store, one write
/// transaction that takes the hit (exact across nodes), and the hit that uses the count up also reloads
/// this node's copy and tells the other nodes.
struct FaultMiddleware: RouterMiddleware {
    let book: FaultBook
    let store: any HaVipStore
    /// nil when `--no-metrics` turned them off.
    let metrics: ServerMetrics?
    let changed: FaultChanges

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        let faults = book.faults
        if faults.isEmpty { return try await next(request, context) }
        guard let action = context.action else { throw RPCRouteError.missing("the action", before: "FaultMiddleware") }
        if let fault = try await firstHit(faults, action: action.name, account: context.caller?.account) {
            metrics?.faultFired(action: action.name, code: fault.error?.code)
            if fault.latencyMs > 0 { try await Task.sleep(for: .milliseconds(fault.latencyMs)) }
            if let error = fault.error { throw error }
        }
        return try await next(request, context)
    }

    /// The oldest matching fault whose draw (``InjectedFault/probability``) comes up and, when counted, that
    /// still has a hit to give. A counted fault found gone, or used up by this hit, is dropped from this
    /// node's copy at once (and the other nodes are told), so that the next requests pay nothing for it.
    private func firstHit(_ faults: [InjectedFault], action: String, account: AccountID?) async throws -> InjectedFault? {
        for fault in faults where fault.matches(action: action, account: account) {
            guard fault.probability >= 1 || Double.random(in: 0..<1) < fault.probability else { continue }
            if fault.count != nil {
                let id = fault.id
                let hit = try await store.write { tx in try FaultOperations.hit(tx, id: id) }
                if hit != .hit { await changed.faultsChanged(announce: hit == .lastHit) }
                guard hit != .gone else { continue }
            }
            return fault
        }
        return nil
    }
}
