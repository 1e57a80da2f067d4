import HaVipModel
import RPCWire

/// ECS `DescribeImageSupportInstanceTypes`: the instance types an image runs on (every built-in type for
/// a built-in image, none for another ID), by `ImageId` or `Filter.N.Key=imageId`.
enum DescribeImageSupportInstanceTypes: RPCAction {
    static let name = "DescribeImageSupportInstanceTypes"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var imageId = parameters.optional("ImageId")
        for filter in try parameters.entries("Filter") {
            guard filter["Key"] == "imageId" else { throw APIError.securityGroupAttributeParameterInvalid }
            imageId = imageId ?? filter.optional("Value")
        }
        let types = imageId.flatMap(Image.find) == nil ? [] : InstanceType.builtIn
        let items = types.map { type in
            ResponseNode.object([
                .init("MemorySize", .int(type.memorySize)), .init("CpuCoreCount", .int(type.cpuCoreCount)),
                .init("InstanceTypeFamily", .string(type.family)), .init("InstanceTypeId", .string(type.id)),
            ])
        }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("ImageId", .string(imageId ?? "")), .init("RegionId", .string(region.id)), .init("InstanceTypes", .list(item: "InstanceType", items)),
        ])
    }
}
