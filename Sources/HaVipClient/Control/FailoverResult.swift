/// What `POST /_havip/havips/{HaVipId}/failover` answers: `{"haVipId": "havip-…", "masterInstanceId": "i-…"}`.
public struct FailoverResult: Sendable, Equatable, Codable {
    public let haVipId: String
    /// The instance or ENI that holds the address now.
    public let masterInstanceId: String

    public init(haVipId: String, masterInstanceId: String) {
        self.haVipId = haVipId
        self.masterInstanceId = masterInstanceId
    }
}
