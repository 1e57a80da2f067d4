/// How a ``Lab`` runs.
public struct LabConfiguration: Sendable {
    /// Who runs VRRP in the instances.
    public enum VRRP: String, Sendable, CaseIterable {
        /// The lab runs one keepalived per instance namespace, with a generated configuration.
        case keepalived
        /// Nobody: users run their own (`havip lab exec i-… -- keepalived -f mine.conf`).
        case none
    }

    public var names: LabNames
    public var vrrp: VRRP
    /// keepalived's `advert_int`, in seconds.
    public var advertisementInterval: Int
    /// How long a process has between SIGTERM and SIGKILL when its instance stops or the lab shuts down.
    public var stopGracePeriod: Duration
    /// How long ``Lab/moveAddress(haVip:to:)`` waits to see the new holder on the wire.
    public var moveTimeout: Duration

    public init(
        names: LabNames = .standard, vrrp: VRRP = .keepalived, advertisementInterval: Int = 1, stopGracePeriod: Duration = .seconds(2),
        moveTimeout: Duration = .seconds(10)
    ) {
        self.names = names
        self.vrrp = vrrp
        self.advertisementInterval = advertisementInterval
        self.stopGracePeriod = stopGracePeriod
        self.moveTimeout = moveTimeout
    }
}
