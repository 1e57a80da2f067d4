@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// `NextToken`/`MaxResults` paging of DescribeInstances and DescribeNetworkInterfaces: every match once,
/// in order, whatever the page size; a token is opaque and tamper-evident.
@Suite struct TokenPagingTests {
    /// Every ID over all token pages, and the tokens seen.
    static func walk(_ cloud: ECSCloud, _ action: String, collection: String, id: String, maxResults: String) async throws -> ([String], [String]) {
        var ids: [String] = [], tokens: [String] = []
        var token: String?
        repeat {
            var parameters: [String: String?] = ["MaxResults": maxResults]
            if let token { parameters["NextToken"] = token }
            let page = try await cloud.call(action, parameters)
            ids += page.node(collection)?.items.compactMap { $0[id]?.text } ?? []
            token = try page.string("NextToken")
            if let token, !token.isEmpty { tokens.append(token) }
        } while token?.isEmpty == false
        return (ids, tokens)
    }

    @Test func instancesAndInterfacesPageByToken() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        // 25 instances, 12 launched in the same second (so the cursor's ID breaks the tie).
        _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["Amount": "12"])
        for _ in 0..<13 {
            cloud.clock.advance(by: 1)
            _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        }
        let byNumber = try await cloud.call("DescribeInstances", ["PageSize": "100"]).node("Instances")?.items.compactMap { $0["InstanceId"]?.text }
        let (ids, tokens) = try await Self.walk(cloud, "DescribeInstances", collection: "Instances", id: "InstanceId", maxResults: "10")
        #expect(ids == byNumber && ids.count == 25 && tokens.count == 2)
        // MaxResults below 10 counts as 10 (as the API documents).
        let small = try await cloud.call("DescribeInstances", ["MaxResults": "1"])
        #expect(small.node("Instances")?.items.count == 10 && small.node("PageSize") == .int(10) && small.node("TotalCount") == .int(25))
        // Without a token or MaxResults, the answer is a number page with an empty NextToken.
        #expect(try await cloud.call("DescribeInstances").string("NextToken") == "")
        let (enis, _) = try await Self.walk(cloud, "DescribeNetworkInterfaces", collection: "NetworkInterfaceSets", id: "NetworkInterfaceId", maxResults: "10")
        #expect(enis.count == 25 && Set(enis).count == 25)
        let (oneToken, _) = try await Self.walk(cloud, "DescribeNetworkInterfaces", collection: "NetworkInterfaceSets", id: "NetworkInterfaceId", maxResults: "500")
        #expect(oneToken == enis)
    }

    @Test func tokensAreTamperEvident() async throws {
        var cloud = try ECSCloud()
        let network = try await cloud.network()
        _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["Amount": "11"])
        let token = try await cloud.call("DescribeInstances", ["MaxResults": "10"]).string("NextToken")
        #expect(!token.isEmpty && token.allSatisfy(\.isHexDigit))
        var edited = Array(token)
        edited[20] = edited[20] == "0" ? "1" : "0"
        for bad in [String(edited), "caeba0bbb2be03f84eb48b699f0a4883", "zz", token + "00"] {
            await cloud.fails(.nextTokenInvalid, "DescribeInstances", ["NextToken": bad])
        }
        await cloud.fails(.maxResultsInvalid, "DescribeInstances", ["MaxResults": "ten"])
        await cloud.fails(.maxResultsInvalid, "DescribeNetworkInterfaces", ["MaxResults": "-1"])
        // Another account's token is not a token here.
        cloud.account = AccountID("2222222222222222")
        await cloud.fails(.nextTokenInvalid, "DescribeInstances", ["NextToken": token])
    }

    @Test func nextTokenRoundTrips() throws {
        let account = AccountID("1")
        for cursor in [PageCursor(createdAt: 1_704_110_400.25, id: "i-000000000000000000001"), PageCursor(createdAt: 0, id: "é")] {
            #expect(try NextToken.decode(NextToken.encode(cursor, account: account), account: account) == cursor)
        }
    }
}
