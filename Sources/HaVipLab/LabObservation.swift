/// Who holds each HaVip address, as the lab saw it on the wire.
public struct LabObservation: Sendable, Equatable {
    /// HaVip ID → the instance or ENI ID (as associated) whose claim the VPC honours; HaVips nobody holds are absent.
    public var holders: [String: String]
    /// When the packet that changed it was read (or the change that dropped a holder was made).
    public var at: ContinuousClock.Instant
}
