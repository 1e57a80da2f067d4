import Logging
import ServiceLifecycle

/// The data plane: every vSwitch a Linux bridge in one namespace the lab owns, every instance a network namespace on
/// it, the VPC's HaVip rule in nftables, keepalived in the associated instances, and an ARP watcher that reports who
/// holds each HaVip address on the wire.
///
/// A `Service`: ``run()`` removes leftovers of a crashed run (every namespace with the prefix), builds the base, then
/// serves until graceful shutdown, cancellation or ``shutdown()``, and removes every namespace, bridge and process it
/// made before it returns. Meanwhile ``reconcile(to:)`` makes the kernel match a ``LabTopology``,
/// ``moveAddress(haVip:to:)`` hands an address to another holder, and ``observations`` reports holders.
/// Linux and root only; elsewhere ``run()`` throws ``LabError/unavailable(_:)``.
public actor Lab: Service {
    public nonisolated let configuration: LabConfiguration
    /// Each change of holders, as the whole picture; a slow reader may miss intermediate pictures, never the latest.
    public nonisolated let observations: AsyncStream<LabObservation>
    private nonisolated let observationSink: AsyncStream<LabObservation>.Continuation
    private nonisolated let stopRequests: AsyncStream<Void>
    private nonisolated let stopSink: AsyncStream<Void>.Continuation
    let logger: Logger

    private enum Phase {
        case idle, starting, running, stopping, stopped
        case failed(LabError)
    }

    private var phase = Phase.idle
    private var readyWaiters: [CheckedContinuation<Void, any Error>] = []
    var kernel: LabKernel?
    var processes: ProcessHost?
    /// This lab's claim of its prefix on the machine, held from start to the end of tear-down.
    private var lock: LabLock?
    #if os(Linux)
    private var watcher: ARPWatcher?
    #endif
    var layout = LabLayout.empty
    private var tracker = HolderTracker()
    /// The lab namespace's ifindex → port name, to place what the ARP watcher hears.
    private var ports: [Int32: String] = [:]
    var keepaliveds: [String: RunningKeepalived] = [:]
    private var busy = false
    private var waitingForTurn: [CheckedContinuation<Void, Never>] = []

    /// The keepalived the lab runs in an instance.
    struct RunningKeepalived {
        var configuration: KeepalivedConfiguration
        /// nil once it has ended (killed by a test, say): it stays ended until the instance restarts or its HaVips change.
        var pid: Int32?
    }

    public init(configuration: LabConfiguration = LabConfiguration(), logger: Logger = Logger(label: "havip.lab")) {
        self.configuration = configuration
        self.logger = logger
        (observations, observationSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
        (stopRequests, stopSink) = AsyncStream.makeStream()
    }

    var names: LabNames { configuration.names }

    /// HaVip ID → the instance or ENI ID (as associated) holding its address on the wire now.
    public var holders: [String: String] { tracker.holders }

    // MARK: - Lifecycle

    public func run() async throws {
        try await start()
        guard let processes else { return }
        #if os(Linux)
        guard let watcher else { return }
        #endif
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await processes.run() }
                #if os(Linux)
                group.addTask {
                    for await heard in watcher.heard { await self.hear(heard) }
                }
                #endif
                for await _ in stopRequests { break }
                // Run apart from this task so that cancelling run() cannot cut the clean-up short: every command of it
                // must run to the end, or namespaces would be left behind.
                await Task { await self.exclusively { await self.tearDown() } }.value
            }
        } onGracefulShutdown: { [stopSink] in
            stopSink.yield()
        }
    }

    /// Returns once the lab has started; throws if it could not.
    public func ready() async throws {
        switch phase {
        case .running: return
        case .failed(let error): throw error
        case .stopping, .stopped: throw LabError.notRunning
        case .idle, .starting: try await withCheckedThrowingContinuation { readyWaiters.append($0) }
        }
    }

    /// Asks ``run()`` to remove everything it made and return.
    public nonisolated func shutdown() { stopSink.yield() }

    private func start() async throws(LabError) {
        guard case .idle = phase else { throw .invalidConfiguration("a Lab runs once; make a new one") }
        phase = .starting
        var kernel: LabKernel?
        do throws(LabError) {
            guard (1...255).contains(configuration.advertisementInterval) else {
                throw .invalidConfiguration("advert_int must be 1 to 255 seconds, not \(configuration.advertisementInterval)")
            }
            let tools = try LabEnvironment.tools(vrrp: configuration.vrrp)
            lock = try LabLock(names)
            let made = LabKernel(names: names, tools: tools, runner: CommandRunner(logger: logger), gracePeriod: configuration.stopGracePeriod)
            kernel = made
            let leftovers = try await made.removeEverything()
            if !leftovers.isEmpty { logger.notice("lab: removed what a previous run left", metadata: ["namespaces": "\(leftovers)"]) }
            try await made.createBase()
            #if os(Linux)
            watcher = try await ARPWatcher.start(inNamespace: names.namespacePath(names.labNamespace))
            #endif
            self.kernel = made
            processes = ProcessHost(gracePeriod: configuration.stopGracePeriod)
            phase = .running
            logger.info("lab: started", metadata: ["namespace": "\(names.labNamespace)", "vrrp": "\(configuration.vrrp.rawValue)"])
            for waiter in readyWaiters { waiter.resume() }
            readyWaiters = []
        } catch {
            if let kernel { _ = try? await kernel.removeEverything() }
            lock?.release()
            lock = nil
            phase = .failed(error)
            for waiter in readyWaiters { waiter.resume(throwing: error) }
            readyWaiters = []
            observationSink.finish()
            throw error
        }
    }

    private func tearDown() async {
        phase = .stopping
        if let kernel {
            do {
                try await kernel.removeEverything()
            } catch {
                logger.error("lab: could not remove everything it made", metadata: ["error": "\(error)"])
            }
        }
        processes?.finish()
        #if os(Linux)
        watcher?.stop()
        #endif
        layout = .empty
        keepaliveds = [:]
        if tracker.update(layout) { publish() }
        observationSink.finish()
        lock?.release()
        lock = nil
        phase = .stopped
        logger.info("lab: stopped")
    }

    // MARK: - Desired state

    /// Makes the kernel match `topology`, changing only what differs from the last reconcile. A topology that contradicts
    /// itself throws ``LabError/invalidTopology(_:)`` and changes nothing; a command that fails halfway empties the lab
    /// (the next reconcile rebuilds it) and throws.
    public func reconcile(to topology: LabTopology) async throws {
        try await exclusively { () async throws(LabError) in
            guard case .running = phase, let kernel else { throw .notRunning }
            let planned = try LabLayout.plan(topology, previous: layout, names: names)
            let changes = LabChanges(from: layout, to: planned)
            // Their processes are about to end; forget them so that no signal goes to a pid the system reuses.
            for namespace in changes.namespacesToRemove + changes.namespacesToStop { keepaliveds[namespace.instanceId] = nil }
            do throws(LabError) {
                try await kernel.apply(changes, to: planned)
                if changes.guardChanged { try await kernel.writeGuard(GuardSets(planned)) }
                if changes.portsChanged { ports = try await kernel.interfaceIndexes(in: names.labNamespace) }
            } catch {
                logger.error("lab: a change failed halfway; emptying the lab", metadata: ["error": "\(error)"])
                try? await kernel.clearTopology()
                layout = .empty
                keepaliveds = [:]
                if tracker.update(layout) { publish() }
                throw error
            }
            layout = planned
            if tracker.update(layout) { publish() }
            let restarted = Set((changes.namespacesToAdd + changes.namespacesToStart).map(\.instanceId))
            try await syncKeepalived(restarted: restarted)
        }
    }

    // MARK: - Commands

    /// Makes `holder` (an instance or ENI associated with the HaVip, running) take the HaVip's address for real, and
    /// returns once the wire shows it. With keepalived, every other member's keepalived gives the address up (its
    /// release file) until `holder`'s has taken it; with `--vrrp none`, the address moves and `holder` sends gratuitous ARP.
    public func moveAddress(haVip haVipId: String, to holder: String) async throws {
        try await exclusively { () async throws(LabError) in
            guard case .running = phase, let kernel else { throw .notRunning }
            guard let guarded = layout.haVips[haVipId] else { throw .unknownHaVip(haVipId) }
            guard let member = guarded.members.first(where: { $0.associationId == holder }), let target = layout.endpoints[member.endpointId]
            else { throw .cannotHold(haVip: haVipId, holder: holder, reason: "it is not associated with the HaVip") }
            guard let namespace = layout.namespaces[target.instanceId], namespace.isRunning else {
                throw .cannotHold(haVip: haVipId, holder: holder, reason: "its instance is not running")
            }
            guard tracker.holders[haVipId] != holder else { return }
            let others = guarded.members.compactMap { layout.endpoints[$0.endpointId] }.filter { $0.id != target.id }
            switch configuration.vrrp {
            case .keepalived:
                if keepaliveds[target.instanceId]?.pid == nil { try await launchKeepalived(in: namespace) }
                let releasing = Set(others.map(\.instanceId)).subtracting([target.instanceId]).compactMap { layout.namespaces[$0] }
                    .filter(\.isRunning)
                for other in releasing { try writeRelease(true, haVipId: haVipId, in: other) }
                defer { for other in releasing { try? writeRelease(false, haVipId: haVipId, in: other) } }
                try await waitForHolder(haVipId, holder)
            case .none:
                for other in others where layout.namespaces[other.instanceId]?.isRunning == true {
                    try await kernel.setAddress(guarded.address, present: false, interface: other.interfaceName, in: names.instanceNamespace(other.instanceId))
                }
                try await kernel.setAddress(guarded.address, present: true, interface: target.interfaceName, in: namespace.name)
                #if os(Linux)
                if let mac = ARPPacket.mac(target.macAddress) {
                    try await PacketSocket.announce(
                        address: guarded.address, mac: mac, interface: target.interfaceName, inNamespace: names.namespacePath(namespace.name))
                }
                #endif
                try await waitForHolder(haVipId, holder)
            }
        }
    }

    /// Runs `command` in `target`'s namespace (an instance ID, or `client`), with that namespace's own `/run`, and
    /// returns how it ended.
    public func exec(in target: String, _ command: [String]) async throws -> LabCommandResult {
        guard case .running = phase, let kernel else { throw LabError.notRunning }
        guard target == LabNames.clientTarget || layout.namespaces[target] != nil else { throw LabError.unknownTarget(target) }
        return try await kernel.runner.attempt(names.execArguments(namespace: names.namespace(forTarget: target), command: command, ip: kernel.tools.ip))
    }

    // MARK: - Observation

    #if os(Linux)
    private func hear(_ heard: ARPWatcher.Heard) {
        guard let port = ports[heard.interfaceIndex] else { return }
        if tracker.observe(port: port, address: heard.packet.senderAddress) { publish(at: heard.at) }
    }
    #endif

    private func publish(at instant: ContinuousClock.Instant = .now) {
        logger.debug("lab: holders", metadata: ["holders": "\(tracker.holders)"])
        observationSink.yield(LabObservation(holders: tracker.holders, at: instant))
    }

    private func waitForHolder(_ haVipId: String, _ holder: String) async throws(LabError) {
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.moveTimeout
        while tracker.holders[haVipId] != holder {
            guard clock.now < deadline, (try? await Task.sleep(for: .milliseconds(20))) != nil else {
                let timeout = configuration.moveTimeout.components
                throw .moveTimedOut(haVip: haVipId, holder: holder, seconds: Double(timeout.seconds) + Double(timeout.attoseconds) / 1e18)
            }
        }
    }

    // MARK: - One change at a time

    /// Runs `body` when no other reconcile, move or tear-down is running (each awaits commands, and the actor would
    /// otherwise interleave them).
    private func exclusively<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> T {
        while busy { await withCheckedContinuation { waitingForTurn.append($0) } }
        busy = true
        defer {
            busy = false
            if !waitingForTurn.isEmpty { waitingForTurn.removeFirst().resume() }
        }
        return try await body()
    }
}
