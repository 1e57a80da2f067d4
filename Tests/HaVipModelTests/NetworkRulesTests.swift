import HaVipModel
import Testing

/// VPCs, vSwitches, addresses through the products, and deletion dependencies.
@Suite struct NetworkRulesTests {
    static func createVSwitch(_ h: Harness, _ vpc: Vpc, _ cidr: String, zone: String = Fixture.zone) async throws -> VSwitch {
        try await h.createVSwitch(vpc, cidr, zone: zone)
    }

    // MARK: VPC

    @Test func vpcCidrRules() async throws {
        let h = try Harness()
        #expect(try await h.createVpc("10.0.0.0/8").cidrBlock == "10.0.0.0/8")
        #expect(try await h.createVpc("192.168.0.0/28").cidrBlock == "192.168.0.0/28")
        let defaulted = try await h.write { tx, context in
            try NetworkOperations.createVpc(tx, context, cidrBlock: nil, name: nil, description: nil, resourceGroupId: nil, tags: [])
        }
        #expect(defaulted.cidrBlock == "172.16.0.0/12")
        for refused in ["10.0.0.1/8", "192.168.0.0/29", "0.0.0.0/7", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "vpc"] {
            await #expect(throws: APIError.vpcCidrInvalid, "\(refused)") { try await h.createVpc(refused) }
        }
    }

    @Test func aVpcIsSeenOnlyInItsRegionAndAccount() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        await #expect(throws: APIError.vpcNotFound) {
            try await h.write(region: Fixture.otherRegion) { tx, context in try tx.find(Vpc.self, vpc.id, context, notFound: .vpcNotFound) }
        }
        await #expect(throws: APIError.vpcNotFound) {
            try await h.write(account: Fixture.otherAccount) { tx, context in try tx.find(Vpc.self, vpc.id, context, notFound: .vpcNotFound) }
        }
        await #expect(throws: APIError.vpcNotFound) { try await h.createVSwitch(vpc, "192.168.1.0/24", account: Fixture.otherAccount) }
    }

    // MARK: vSwitch

    @Test func vSwitchCidrMustBeInsideTheVpc() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc("192.168.0.0/16")
        await #expect(throws: APIError.vSwitchCidrNotInVpc) { try await Self.createVSwitch(h, vpc, "10.0.0.0/24") }
        await #expect(throws: APIError.vSwitchCidrNotInVpc) { try await Self.createVSwitch(h, vpc, "192.169.0.0/24") }
        let whole = try await Self.createVSwitch(h, vpc, "192.168.0.0/16")
        #expect(whole.cidrBlock == "192.168.0.0/16")
    }

    @Test func vSwitchMaskIsSixteenToTwentyNine() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc("10.0.0.0/8")
        #expect(try await Self.createVSwitch(h, vpc, "10.1.0.0/16").cidrBlock == "10.1.0.0/16")
        #expect(try await Self.createVSwitch(h, vpc, "10.2.0.0/29").cidrBlock == "10.2.0.0/29")
        await #expect(throws: APIError.vSwitchCidrMaskLength) { try await Self.createVSwitch(h, vpc, "10.4.0.0/15") }
        await #expect(throws: APIError.vSwitchCidrMaskLength) { try await Self.createVSwitch(h, vpc, "10.3.0.0/30") }
        await #expect(throws: APIError.vSwitchCidrMaskLength) { try await Self.createVSwitch(h, vpc, "10.3.0.0/32") }
    }

    @Test func vSwitchCidrMustBeStrict() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc("10.0.0.0/8")
        for refused in ["10.1.0.1/24", "10.1.0.0", "10.1.0/24", "10.01.0.0/24"] {
            await #expect(throws: APIError.vSwitchCidrMalformed, "\(refused)") { try await Self.createVSwitch(h, vpc, refused) }
        }
    }

    @Test func vSwitchesOfAVpcDoNotOverlap() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc("10.0.0.0/8")
        _ = try await Self.createVSwitch(h, vpc, "10.1.1.0/24")
        await #expect(throws: APIError.vSwitchCidrOverlapped) { try await Self.createVSwitch(h, vpc, "10.1.1.0/24") }
        await #expect(throws: APIError.vSwitchCidrOverlapped) { try await Self.createVSwitch(h, vpc, "10.1.0.0/16") }
        await #expect(throws: APIError.vSwitchCidrOverlapped) { try await Self.createVSwitch(h, vpc, "10.1.1.128/25") }
        _ = try await Self.createVSwitch(h, vpc, "10.1.2.0/24")  // the neighbour is fine
        // Another VPC may reuse the block.
        _ = try await Self.createVSwitch(h, try await h.createVpc("10.0.0.0/8"), "10.1.1.0/24")
    }

    @Test func theZoneMustBeInTheRegion() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        await #expect(throws: APIError.zoneNotFound) { try await Self.createVSwitch(h, vpc, "192.168.1.0/24", zone: Fixture.otherZone) }
        await #expect(throws: APIError.zoneNotFound) { try await Self.createVSwitch(h, vpc, "192.168.1.0/24", zone: "cn-hangzhou-z") }
        #expect(try await Self.createVSwitch(h, vpc, "192.168.1.0/24", zone: "cn-hangzhou-b").zoneId == "cn-hangzhou-b")
    }

    @Test func vSwitchesPerVpcAreLimited() async throws {
        let h = try Harness(settings: ModelSettings(transitionDelay: 0, maxVSwitchesPerVpc: 2))
        let vpc = try await h.createVpc("10.0.0.0/8")
        let first = try await Self.createVSwitch(h, vpc, "10.0.1.0/24")
        _ = try await Self.createVSwitch(h, vpc, "10.0.2.0/24")
        await #expect(throws: APIError.vSwitchQuotaExceeded) { try await Self.createVSwitch(h, vpc, "10.0.3.0/24") }
        _ = try await Self.createVSwitch(h, try await h.createVpc("10.0.0.0/8"), "10.0.3.0/24")  // per VPC
        try await h.write { tx, context in try NetworkOperations.deleteVSwitch(tx, context, id: first.id) }
        _ = try await Self.createVSwitch(h, vpc, "10.0.3.0/24")
    }

    // MARK: Addresses through the products

    @Test func haVipAddressErrorsUseTheHaVipCodes() async throws {
        let w = try await World.make()
        for (requested, problem) in [
            ("192.168.1.x", AddressProblem.malformed), ("192.168.2.9", .outOfRange), ("192.168.1.255", .reserved),
            (w.instances[0].privateIpAddress, .alreadyUsed), (w.enis[0].primaryIpAddress, .alreadyUsed),
        ] {
            await #expect(throws: APIError.haVipAddress(problem), "\(requested)") { try await w.h.createHaVip(w.vSwitch, ipAddress: requested) }
        }
        #expect(APIError.haVipAddress(.alreadyUsed).code == "InvalidIPAddress.AlreadyUsed")
        #expect(APIError.haVipAddress(.reserved).code == "InvalidIPAddress.NotAvailable")
        let explicit = try await w.h.createHaVip(w.vSwitch, ipAddress: "192.168.1.200")
        #expect(explicit.ipAddress == "192.168.1.200")
        await #expect(throws: APIError.privateAddress(.alreadyUsed)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, privateIpAddress: "192.168.1.200")
        }
    }

    @Test func instanceAddressErrorsUseTheEcsCodes() async throws {
        let w = try await World.make(instances: 1, enis: 0)
        await #expect(throws: APIError.privateAddress(.malformed)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, privateIpAddress: "192.168.1.01")
        }
        await #expect(throws: APIError.privateAddress(.outOfRange)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, privateIpAddress: "192.168.3.1")
        }
        await #expect(throws: APIError.privateAddress(.reserved)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, privateIpAddress: "192.168.1.0")
        }
        await #expect(throws: APIError.privateAddress(.alreadyUsed)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, privateIpAddress: w.instances[0].privateIpAddress)
        }
        #expect(APIError.privateAddress(.reserved) == APIError.privateAddress(.outOfRange))
        #expect(APIError.privateAddress(.alreadyUsed).code == "InvalidPrivateIpAddress.Duplicated")
    }

    @Test func runInstancesWithAnAddressUsesConsecutiveAddresses() async throws {
        let w = try await World.make(instances: 0, enis: 0)
        let launched = try await w.h.runInstances(w.vSwitch, w.securityGroup, amount: 3, privateIpAddress: "192.168.1.10")
        #expect(launched.map(\.privateIpAddress) == ["192.168.1.10", "192.168.1.11", "192.168.1.12"])
        // All or nothing: the third would be reserved.
        await #expect(throws: APIError.privateAddress(.reserved)) {
            try await w.h.runInstances(w.vSwitch, w.securityGroup, amount: 3, privateIpAddress: "192.168.1.251")
        }
        #expect(try await w.h.usedAddresses(w.vSwitch) == 3)
    }

    @Test func aFullVSwitchIsAQuotaError() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        let vSwitch = try await h.createVSwitch(vpc, "192.168.1.0/29")
        let group = try await h.createSecurityGroup(vpc)
        _ = try await h.runInstances(vSwitch, group, amount: 2)
        _ = try await h.createHaVip(vSwitch)
        _ = try await h.createNetworkInterface(vSwitch, group)
        await #expect(throws: APIError.haVipAddress(.exhausted)) { try await h.createHaVip(vSwitch) }
        await #expect(throws: APIError.privateAddress(.exhausted)) { try await h.runInstances(vSwitch, group) }
        await #expect(throws: APIError.privateAddress(.exhausted)) { try await h.createNetworkInterface(vSwitch, group) }
        #expect(APIError.haVipAddress(.exhausted).code == "QuotaExceeded.PrivateIpAddress")
        let available = try await h.read { tx, _ in try NetworkOperations.availableAddressCount(tx, vSwitch) }
        #expect(available == 0)
    }

    // MARK: Deletion dependencies

    @Test func deletingAVpcNeedsItEmpty() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        let vSwitch = try await h.createVSwitch(vpc, "192.168.1.0/24")
        let group = try await h.createSecurityGroup(vpc)
        @Sendable func deleteVpc() async throws { try await h.write { tx, context in try NetworkOperations.deleteVpc(tx, context, id: vpc.id) } }
        await #expect(throws: APIError.vpcHasVSwitches) { try await deleteVpc() }
        try await h.write { tx, context in try NetworkOperations.deleteVSwitch(tx, context, id: vSwitch.id) }
        await #expect(throws: APIError.vpcHasSecurityGroups) { try await deleteVpc() }
        try await h.write { tx, context in try ComputeOperations.deleteSecurityGroup(tx, context, id: group.id) }
        try await deleteVpc()
        await #expect(throws: APIError.vpcNotFound) { try await deleteVpc() }
    }

    @Test func deletingAVSwitchNeedsItEmpty() async throws {
        let w = try await World.make(instances: 1, enis: 1)
        let h = w.h
        let haVip = try await h.createHaVip(w.vSwitch)
        @Sendable func deleteVSwitch() async throws {
            try await h.write { tx, context in try NetworkOperations.deleteVSwitch(tx, context, id: w.vSwitch.id) }
        }
        await #expect(throws: APIError.vSwitchHasHaVips) { try await deleteVSwitch() }
        try await h.deleteHaVip(haVip.id)
        await #expect(throws: APIError.vSwitchHasDependents) { try await deleteVSwitch() }  // instance and ENI
        try await h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: true) }
        await #expect(throws: APIError.vSwitchHasDependents) { try await deleteVSwitch() }  // the ENI
        try await h.write { tx, context in try ComputeOperations.deleteNetworkInterface(tx, context, id: w.enis[0].id) }
        try await deleteVSwitch()
        #expect(try await h.freeRuns(w.vSwitch) == [], "its free runs are forgotten")
        await #expect(throws: APIError.vSwitchNotFound) { try await deleteVSwitch() }
    }

    @Test func aSecurityGroupInUseCannotBeDeleted() async throws {
        let w = try await World.make(instances: 1, enis: 0)
        let h = w.h
        @Sendable func deleteGroup() async throws {
            try await h.write { tx, context in try ComputeOperations.deleteSecurityGroup(tx, context, id: w.securityGroup.id) }
        }
        await #expect(throws: APIError.securityGroupInUse) { try await deleteGroup() }
        #expect(APIError.securityGroupInUse.httpStatus == 403)
        try await h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: true) }
        await #expect(throws: APIError.securityGroupInUse) { try await deleteGroup() }  // the other vSwitch's instance and ENI
        try await h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.otherInstance.id, force: true) }
        try await h.write { tx, context in try ComputeOperations.deleteNetworkInterface(tx, context, id: w.otherEni.id) }
        try await deleteGroup()
    }

    @Test func instancesAndInterfacesDeletionRules() async throws {
        let w = try await World.make(instances: 1, enis: 1)
        let h = w.h
        await #expect(throws: APIError.instanceIncorrectStatus) {
            try await h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: false) }
        }
        #expect(APIError.instanceIncorrectStatus.httpStatus == 403)
        await #expect(throws: APIError.networkInterfaceInUse) {
            try await h.write { tx, context in
                try ComputeOperations.deleteNetworkInterface(tx, context, id: w.instances[0].primaryNetworkInterfaceId)
            }
        }
        try await h.stop(w.i[0])
        try await h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: false) }
        #expect(try await h.usedAddresses(w.vSwitch) == 1, "only the secondary ENI's address is left")
    }
}
