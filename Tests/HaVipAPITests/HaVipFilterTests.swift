@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// DescribeHaVips' `Filter.N.Key` / `Filter.N.Value.M`: N and M from 1 to 5, an unknown key named as the
/// API reference's error table spells it.
@Suite struct HaVipFilterTests {
    @Test func anUnknownKeyNamesItsFilter() async throws {
        let cloud = try ECSCloud()
        await cloud.fails(
            .haVipFilterKeyUnsupported(index: 2), "DescribeHaVips",
            ["Filter.1.Key": "VpcId", "Filter.1.Value.1": "vpc-x", "Filter.2.Key": "Name", "Filter.2.Value.1": "x"], product: .vpc)
        #expect(APIError.haVipFilterKeyUnsupported(index: 2).message == "Specified filter key is not supported: Filter.2.key")
        #expect(APIError.haVipFilterKeyUnsupported(index: 2).httpStatus == 404)
    }

    @Test func indicesAboveFiveAreRefused() async throws {
        let cloud = try ECSCloud()
        await cloud.fails(.invalidParameter("Filter.6.Key"), "DescribeHaVips", ["Filter.6.Key": "VpcId", "Filter.6.Value.1": "vpc-x"], product: .vpc)
        await cloud.fails(.invalidParameter("Filter.6.Value.1"), "DescribeHaVips", ["Filter.6.Value.1": "vpc-x"], product: .vpc)
        await cloud.fails(.invalidParameter("Filter.2.Value.6"), "DescribeHaVips", ["Filter.2.Key": "VpcId", "Filter.2.Value.6": "vpc-x"], product: .vpc)
        // Five of each are taken, gaps or not.
        var five: [String: String?] = [:]
        for n in 1...5 {
            five["Filter.\(n).Key"] = "VpcId"
            five["Filter.\(n).Value.\(n)"] = "vpc-\(n)"
        }
        five["Filter.5.Value.5"] = "vpc-5"
        let answer = try await cloud.call("DescribeHaVips", five, product: .vpc)
        #expect(answer.node("TotalCount") == .int(0))
    }
}
