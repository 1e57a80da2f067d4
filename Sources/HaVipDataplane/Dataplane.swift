import HaVipLab
import HaVipModel
import Logging
import ServiceLifecycle

/// `havip serve --dataplane netns`: a ``Lab`` that follows the store, and a store that follows the wire.
///
/// - The lab is built from ``WireOperations/topology(_:)`` at start (after the lab removed a crash's leftovers) and
///   rebuilt whenever it changes: at once when this node answers a request (``storeChanged()``), and every
///   `pollInterval` whatever happens, which is how writes through other nodes sharing the store, the control API's
///   resets, restores and worlds, and anything else reach it. The lab changes only what differs.
/// - Whenever the lab sees an address change hands (or the topology was rebuilt, or a poll comes), the holders it
///   sees become the HaVips' masters (``WireOperations/follow(_:holders:now:)``). A HaVip nobody holds on the wire
///   keeps the master the model gives it.
/// - ``failover(_:)`` moves an address for real (``LabFailover``, the control API's failover).
///
/// A `Service`: it runs the lab, and at graceful shutdown the lab removes everything it made before ``run()`` returns.
public actor Dataplane: Service {
    public nonisolated let lab: Lab
    let store: any HaVipStore
    let clock: any WallClock
    let pollInterval: Duration
    let logger: Logger
    private nonisolated let nudges: AsyncStream<Void>
    private nonisolated let nudgeSink: AsyncStream<Void>.Continuation
    /// What the lab was last built from; nil before the first build and after a failed one.
    private var built: LabTopology?
    /// The topology whose build failed last, so that one failure is logged once, not at every poll.
    private var failed: LabTopology?
    /// The last synchronization asked for: each waits for the one before it (the actor would interleave them).
    private var lastSynchronization: Task<Void, any Error>?

    public init(lab: Lab, store: any HaVipStore, clock: any WallClock, pollInterval: Duration = .milliseconds(500), logger: Logger) {
        self.lab = lab
        self.store = store
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
        (nudges, nudgeSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// The store may have changed: the lab looks at it again (soon, once for many calls; it never blocks).
    public nonisolated func storeChanged() { nudgeSink.yield() }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.lab.run() }
            try await lab.ready()
            // Ends when the lab stops publishing: at its tear-down.
            group.addTask { for await _ in self.lab.observations { await self.followQuietly() } }
            group.addTask {
                await cancelWhenGracefulShutdown {
                    await withDiscardingTaskGroup { loops in
                        loops.addTask {
                            while (try? await Task.sleep(for: self.pollInterval)) != nil { self.storeChanged() }
                        }
                        loops.addTask {
                            self.storeChanged()
                            for await _ in self.nudges { await self.synchronizeQuietly() }
                        }
                    }
                }
            }
        }
    }

    /// Makes the lab match the store now, then the masters match the wire; returns once both are done.
    public func synchronize() async throws {
        let previous = lastSynchronization
        let task = Task {
            _ = await previous?.result
            try await self.build()
            try await self.follow()
        }
        lastSynchronization = task
        try await task.value
    }

    private func synchronizeQuietly() async {
        do {
            try await synchronize()
        } catch LabError.notRunning {
            return
        } catch {
            logger.debug("data plane: reading the store failed; the next poll tries again", metadata: ["error": "\(error)"])
        }
    }

    private func build() async throws {
        let topology = LabTopology(try await store.read { try WireOperations.topology($0) })
        guard topology != built else { return }
        do {
            try await lab.reconcile(to: topology)
        } catch let error as LabError {
            built = nil
            if error != .notRunning, topology != failed {
                failed = topology
                logger.error("data plane: the lab could not be built from the store; it tries again at every change", metadata: ["error": "\(error)"])
            }
            throw error
        }
        built = topology
        failed = nil
        logger.debug(
            "data plane: the lab matches the store",
            metadata: ["instances": "\(topology.instances.count)", "havips": "\(topology.haVips.count)"])
    }

    /// Writes the holders the lab sees as the masters, where they differ.
    private func follow() async throws {
        let holders = await lab.holders
        guard !holders.isEmpty else { return }
        let masters = try await store.read { try WireOperations.masters($0) }
        guard holders.contains(where: { masters[$0.key] != $0.value }) else { return }
        let now = clock.now()
        let moved = try await store.write { try WireOperations.follow($0, holders: holders, now: now) }
        for haVip in moved {
            logger.info("data plane: the master follows the wire", metadata: ["havip": "\(haVip.id)", "master": "\(haVip.masterInstanceId ?? "")"])
        }
    }

    private func followQuietly() async {
        do {
            try await follow()
        } catch {
            logger.warning("data plane: writing the master the wire shows failed; the next poll tries again", metadata: ["error": "\(error)"])
        }
    }
}
