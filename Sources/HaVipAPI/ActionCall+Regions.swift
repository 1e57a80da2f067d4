import HaVipModel
import RPCWire

extension ActionCall {
    /// `RegionId` when given, otherwise the region the resource lives in (for the actions whose SDK
    /// models send no RegionId); `notFound` when neither tells.
    func region<R: RegionalRecord>(orRegionOf type: R.Type, id: String, notFound: APIError) async throws -> Region {
        if let regionId = parameters.optional("RegionId") { return try Region.checked(regionId) }
        let account = self.account
        guard let regionId = try await services.store.read({ tx in try ResourceQueries.regionOf(tx, account: account, type, id: id) }) else {
            throw notFound
        }
        return try Region.checked(regionId)
    }
}
