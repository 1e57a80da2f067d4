import HaVipModel
import Testing

/// The closed sets (statuses, types) are stored as their wire text, exactly the strings the store held
/// before they were enums, so existing rows read back without a migration.
@Suite struct StoredValuesTests {
    static func roundTrips<Value: SQLConvertible & CaseIterable & RawRepresentable<String> & Equatable>(
        _ type: Value.Type, _ stored: [String]
    ) throws {
        #expect(Value.allCases.map(\.rawValue) == stored)
        for value in Value.allCases {
            #expect(value.sqlValue == .text(value.rawValue))
            #expect(try Value(sqlValue: value.sqlValue) == value)
        }
        #expect(throws: StoreError.self) { try Value(sqlValue: .text("Bogus")) }
        #expect(throws: StoreError.self) { try Value(sqlValue: .null) }
    }

    @Test func everyEnumKeepsItsWireText() throws {
        try Self.roundTrips(HaVipStatus.self, ["Creating", "Available", "Associating", "InUse", "Unassociating", "Deleting", "Deleted"])
        try Self.roundTrips(AssociatedInstanceType.self, ["EcsInstance", "NetworkInterface"])
        try Self.roundTrips(InstanceStatus.self, ["Pending", "Running", "Starting", "Stopping", "Stopped"])
        try Self.roundTrips(NetworkInterfaceType.self, ["Primary", "Secondary"])
        try Self.roundTrips(NetworkInterfaceStatus.self, ["Available", "InUse"])
        try Self.roundTrips(EipStatus.self, ["Available", "Associating", "InUse", "Unassociating", "Releasing"])
        try Self.roundTrips(EipInstanceType.self, ["EcsInstance", "HaVip"])
        try Self.roundTrips(InternetChargeType.self, ["PayByBandwidth", "PayByTraffic"])
        try Self.roundTrips(VpcStatus.self, ["Pending", "Available"])
        try Self.roundTrips(VSwitchStatus.self, ["Pending", "Available"])
        try Self.roundTrips(ResourceType.self, ["HAVIP", "VPC", "VSWITCH", "EIP", "INSTANCE", "SECURITYGROUP", "ENI", "DISK"])
        try Self.roundTrips(InstanceChargeType.self, ["PostPaid", "PrePaid"])
        try Self.roundTrips(DiskCategory.self, ["cloud_efficiency", "cloud_ssd", "cloud_essd"])
        try Self.roundTrips(DiskType.self, ["system", "data"])
        try Self.roundTrips(DiskStatus.self, ["In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting"])
        try Self.roundTrips(RuleDirection.self, ["ingress", "egress"])
        try Self.roundTrips(RulePolicy.self, ["Accept", "Drop"])
        try Self.roundTrips(IPProtocol.self, ["TCP", "UDP", "ICMP", "GRE", "ALL"])
        try Self.roundTrips(NicType.self, ["intranet", "internet"])
    }

    @Test func flagsAreZeroOrOne() throws {
        #expect(true.sqlValue == .integer(1) && false.sqlValue == .integer(0))
        #expect(try Bool(sqlValue: .integer(1)) && !(try Bool(sqlValue: .integer(0))))
        #expect(throws: StoreError.self) { try Bool(sqlValue: .integer(2)) }
    }

    @Test func resourceTypesAreNamedInAnyCase() throws {
        #expect(try ResourceType(wireName: "HaVip") == .haVip)
        #expect(try ResourceType(wireName: "vswitch") == .vSwitch)
        #expect(try ResourceType(wireName: "EIP") == .eip)
        #expect(throws: APIError.resourceTypeInvalid) { try ResourceType(wireName: "instance") }
        #expect(try ResourceType(ecsName: "securitygroup") == .securityGroup)
        #expect(try ResourceType(ecsName: "Instance").ecsName == "instance")
        #expect(throws: APIError.ecsResourceTypeNotFound) { try ResourceType(ecsName: "havip") }
    }

    @Test func optionalsAndListsAndNumbers() throws {
        #expect(try String?(sqlValue: .null) == nil)
        #expect(try EipInstanceType?(sqlValue: .text("HaVip")) == .haVip)
        #expect(EipInstanceType?.none.sqlValue == .null)
        #expect(["sg-1", "sg-2"].sqlValue == .text("sg-1,sg-2"))
        #expect(try [String](sqlValue: .text("")) == [])
        #expect(try UInt32(sqlValue: .integer(4_294_967_295)) == UInt32.max)
        #expect(throws: StoreError.self) { try UInt32(sqlValue: .integer(-1)) }
        #expect(try Double(sqlValue: .integer(3)) == 3)
        #expect(try Int(sqlValue: .text("12")) == 12)
        #expect(throws: StoreError.self) { try Int(sqlValue: .text("x")) }
    }
}
