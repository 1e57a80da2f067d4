import HaVipModel
import Testing

@Suite struct IPv4Tests {
    @Test(arguments: [
        ("0.0.0.0", UInt32(0)), ("255.255.255.255", UInt32.max), ("192.168.1.10", UInt32(0xC0A8_010A)), ("10.0.0.1", UInt32(0x0A00_0001)),
    ])
    func parsesStrictDottedQuads(text: String, value: UInt32) throws {
        let address = try #require(IPv4Address(text))
        #expect(address.value == value)
        #expect(address.description == text)
    }

    @Test(arguments: [
        "192.168.01.1", "01.2.3.4", "1.2.3.00", "256.1.1.1", "1.2.3.256", "1.2.3.999", "1.2.3", "1.2.3.4.5", "", "1..3.4", "1.2.3.",
        " 1.2.3.4", "1.2.3.4 ", "+1.2.3.4", "1.2.3.-4", "a.b.c.d", "1.2.3.0x1", "1.2.3.١", "1.2.3.4/32", "0001.2.3.4",
    ])
    func refusesAnythingElse(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func addressesCompareNumerically() throws {
        #expect(try #require(IPv4Address("9.255.255.255")) < #require(IPv4Address("10.0.0.0")))
        #expect(try #require(IPv4Address("192.168.1.2")) < #require(IPv4Address("192.168.1.10")))
    }

    @Test(arguments: ["192.168.1.0/24", "10.0.0.0/8", "0.0.0.0/0", "192.168.1.7/32", "172.16.0.0/12", "192.168.1.8/29"])
    func parsesNetworkAddressesOfBlocks(text: String) throws {
        #expect(try #require(IPv4CIDR(text)).description == text)
    }

    @Test(arguments: [
        "192.168.1.1/24",  // host bits set
        "10.0.0.1/8", "192.168.1.4/29", "192.168.1.0/23", "0.0.0.1/0",
        "192.168.1.0/33", "192.168.1.0/-1", "192.168.1.0/024", "192.168.1.0/08", "192.168.1.0/", "192.168.1.0", "/24",
        "192.168.01.0/24", "192.168.1.0/24/1", "192.168.1.0/ 24", "192.168.1.0/2²", "192.168.1.0/x",
    ])
    func refusesMalformedBlocks(text: String) {
        #expect(IPv4CIDR(text) == nil)
    }

    @Test func containsAddressesAndBlocks() throws {
        let block = try #require(IPv4CIDR("192.168.1.0/24"))
        #expect(block.contains(try #require(IPv4Address("192.168.1.0"))))
        #expect(block.contains(try #require(IPv4Address("192.168.1.255"))))
        #expect(!block.contains(try #require(IPv4Address("192.168.2.0"))))
        #expect(!block.contains(try #require(IPv4Address("192.168.0.255"))))
        #expect(block.contains(try #require(IPv4CIDR("192.168.1.128/25"))))
        #expect(block.contains(block))
        #expect(!block.contains(try #require(IPv4CIDR("192.168.0.0/16"))))
        #expect(!block.contains(try #require(IPv4CIDR("192.168.2.0/25"))))
        #expect(try #require(IPv4CIDR("0.0.0.0/0")).contains(block))
    }

    @Test func overlapIsSymmetricAndExcludesNeighbours() throws {
        let big = try #require(IPv4CIDR("10.0.0.0/8"))
        let inner = try #require(IPv4CIDR("10.1.0.0/16"))
        let neighbour = try #require(IPv4CIDR("11.0.0.0/8"))
        let a = try #require(IPv4CIDR("192.168.1.0/24"))
        let b = try #require(IPv4CIDR("192.168.2.0/24"))
        #expect(big.overlaps(inner) && inner.overlaps(big))
        #expect(!big.overlaps(neighbour) && !neighbour.overlaps(big))
        #expect(!a.overlaps(b) && !b.overlaps(a))
        #expect(a.overlaps(a))
        #expect(try #require(IPv4CIDR("192.168.0.0/23")).overlaps(b) == false)
        #expect(try #require(IPv4CIDR("192.168.0.0/22")).overlaps(b))
    }

    @Test func sizesAndBounds() throws {
        let host = try #require(IPv4CIDR("1.2.3.4/32"))
        #expect(host.size == 1 && host.first == host.last)
        let all = try #require(IPv4CIDR("0.0.0.0/0"))
        #expect(all.size == 1 << 32)
        #expect(all.last.description == "255.255.255.255")
        #expect(IPv4CIDR(network: try #require(IPv4Address("192.168.1.77")), prefixLength: 24).description == "192.168.1.0/24")
    }

    /// The first address and the last three are reserved.
    @Test(arguments: [
        ("192.168.1.0/24", "192.168.1.1", "192.168.1.252", ["192.168.1.0", "192.168.1.253", "192.168.1.254", "192.168.1.255"], 252),
        ("192.168.1.8/29", "192.168.1.9", "192.168.1.12", ["192.168.1.8", "192.168.1.13", "192.168.1.14", "192.168.1.15"], 4),
        ("10.1.0.0/16", "10.1.0.1", "10.1.255.252", ["10.1.0.0", "10.1.255.253", "10.1.255.254", "10.1.255.255"], 65_532),
    ])
    func usableRangeAndReservedAddresses(cidr: String, first: String, last: String, reserved: [String], usable: Int) throws {
        let block = try #require(IPv4CIDR(cidr))
        let range = try #require(block.usableRange)
        #expect(IPv4Address(range.lowerBound).description == first)
        #expect(IPv4Address(range.upperBound).description == last)
        #expect(range.count == usable)
        for text in reserved { #expect(block.isReserved(try #require(IPv4Address(text))), "\(text) should be reserved") }
        #expect(!block.isReserved(try #require(IPv4Address(first))))
        #expect(!block.isReserved(try #require(IPv4Address(last))))
        // An address outside the block is not "reserved" by it.
        #expect(!block.isReserved(IPv4Address(block.last.value &+ 1)))
    }

    @Test func blocksOfFourOrFewerHaveNoUsableAddresses() throws {
        #expect(try #require(IPv4CIDR("192.168.1.0/30")).usableRange == nil)
        #expect(try #require(IPv4CIDR("192.168.1.0/32")).usableRange == nil)
        #expect(try #require(IPv4CIDR("192.168.1.0/30")).isReserved(try #require(IPv4Address("192.168.1.1"))))
    }
}
