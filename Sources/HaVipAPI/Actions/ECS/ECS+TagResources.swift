import HaVipModel
import RPCWire

extension ECS {
    /// ECS `TagResources` (2014-05-26): tags on instances, security groups, ENIs and disks
    /// (`ResourceType` instance|securitygroup|eni|disk, any case).
    enum TagResources: RPCAction {
        static let name = "TagResources"
        static let product = Product.ecs

        static func run(_ call: ActionCall) async throws -> RPCResponse {
            let parameters = call.parameters
            let (region, type, ids) = try parameters.ecsTagTargets(requireIds: true)
            let entries = try parameters.entries("Tag")
            guard !entries.isEmpty else { throw APIError.ecsTagsMissing }
            guard entries.count <= 20 else { throw APIError.ecsTagsTooMany }
            let tags = try Validation.tags(entries.map { ($0["Key"], $0["Value"]) }, errors: .ecs)
            return try await call.write(region) { tx, context in
                try TagOperations.tag(tx, context, resourceType: type, resourceIds: ids, tags: tags)
                return RPCResponse()
            }
        }
    }
}

extension Parameters {
    /// What ECS's tag actions act on: `RegionId`, `ResourceType` (an ECS type) and `ResourceId.N` (at
    /// most 50; at least one when `requireIds`), with ECS's codes for each.
    func ecsTagTargets(requireIds: Bool) throws(APIError) -> (region: Region, type: ResourceType, ids: [String]) {
        guard let regionId = optional("RegionId") else { throw .ecsRegionMissing }
        let region = try Region.checked(regionId)
        guard let typeName = optional("ResourceType") else { throw .ecsResourceTypeMissing }
        let type = try ResourceType(ecsName: typeName)
        let ids = try ids("ResourceId", max: 50, error: .ecsResourceIdsTooMany)
        if requireIds, ids.isEmpty { throw .missingParameter("ResourceId.N") }
        return (region, type, ids)
    }
}
