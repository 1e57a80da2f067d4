import RPCWire
import Testing

@Suite struct ParametersTests {
    static func decode(_ text: String, limits: WireLimits = .standard) throws(WireError) -> Parameters {
        var pairs: [(name: String, value: String)] = []
        try FormDecoding.decode(Array(text.utf8), into: &pairs, limits: limits)
        return Parameters(pairs, limits: limits)
    }

    @Test func formDecodingTreatsPlusAsSpaceAndDecodesUTF8() throws {
        let parameters = try Self.decode("Tags.1.Key=k+1&Tags.1.Value=v%2A~&Name=%E4%B8%AD%20x&Empty=&Bare&&=ignored")
        #expect(parameters["Tags.1.Key"] == "k 1")
        #expect(parameters["Tags.1.Value"] == "v*~")
        #expect(parameters["Name"] == "中 x")
        #expect(parameters["Empty"] == "")
        #expect(parameters["Bare"] == "")
        #expect(parameters.pairs.count == 5)
    }

    @Test(arguments: [
        "a=%zz", "a=%4", "a=%", "%ff=1", "a=%ff", "a=%C3%28", "a=x%00y", "a=%01", "%1F=1",
        // Overlong, surrogate, truncated and out-of-range UTF-8.
        "a=%C0%AF", "a=%ED%A0%80", "a=%E4%B8", "a=x%F4%90%80%80", "a=%EF%BF%BD%FF",
    ])
    func malformedEncodingIsRejected(text: String) {
        #expect(throws: WireError.self) { try Self.decode(text) }
    }

    @Test func everyValidUTF8ValueIsKeptAsSent() throws {
        // U+FFFD itself is valid: only bytes that are not UTF-8 are refused.
        let parameters = try Self.decode("a=%EF%BF%BD&b=%F0%9F%98%80&c=%C3%A9t%C3%A9&d=\u{4E2D}")
        #expect(parameters["a"] == "\u{FFFD}")
        #expect(parameters["b"] == "😀")
        #expect(parameters["c"] == "été")
        #expect(parameters["d"] == "中")
    }

    @Test func limitsAreEnforced() {
        let limits = WireLimits(maxParameters: 3, maxValueBytes: 4)
        #expect(throws: WireError.tooLarge("more than 3 parameters")) { try Self.decode("a=1&b=2&c=3&d=4", limits: limits) }
        #expect(throws: WireError.self) { try Self.decode("a=12345", limits: limits) }
        #expect(throws: Never.self) { try Self.decode("a=1234&b=2&c=3", limits: limits) }
    }

    @Test func flattenedListsAreOrderedByIndexWithGapsClosed() throws {
        let parameters = try Self.decode("ResourceId.3=c&ResourceId.1=a&ResourceId.10=d&Other.1=x")
        #expect(try parameters.list("ResourceId") == ["a", "c", "d"])
    }

    @Test func nestedRecordsDecodeFilterValues() throws {
        let parameters = try Self.decode(
            "Filter.2.Key=Status&Filter.2.Value.1=InUse&Filter.1.Key=VpcId&Filter.1.Value.3=vpc-3&Filter.1.Value.1=vpc-1")
        let filters = try parameters.records("Filter")
        #expect(filters.count == 2)
        #expect(filters[0]["Key"] == "VpcId")
        #expect(try filters[0].list("Value") == ["vpc-1", "vpc-3"])
        #expect(filters[1]["Key"] == "Status")
        #expect(try filters[1].list("Value") == ["InUse"])
    }

    @Test func indexedViewsKeepTheIndexSent() throws {
        let parameters = try Self.decode("Filter.6.Key=VpcId&Filter.6.Value.9=vpc-9&Filter.2.Value.1=x&ResourceId.4=d&ResourceId.2=b")
        let filters = try parameters.indexedRecords("Filter")
        #expect(filters.map { $0.index } == [2, 6])
        #expect(filters[1].fields["Key"] == "VpcId")
        #expect(try filters[1].fields.indexedList("Value").map { $0.index } == [9])
        #expect(try parameters.indexedList("ResourceId").map { $0.index } == [2, 4])
        #expect(try parameters.indexedList("ResourceId").map { $0.value } == ["b", "d"])
    }

    @Test func duplicatesKeepTheLastValue() throws {
        let parameters = try Self.decode("Tag.1.Key=a&Tag.1.Key=b&Tag.1.Value=v&RegionId=x&RegionId=y")
        #expect(parameters["RegionId"] == "y")
        let tags = try parameters.records("Tag")
        #expect(tags.count == 1)
        #expect(tags[0]["Key"] == "b")
        #expect(parameters.pairs.count == 5, "every pair stays for signing")
    }

    @Test(arguments: ["Tag.0.Key=a", "Tag.x.Key=a", "Tag.-1.Key=a", "Tag..Key=a", "Tag.1234567.Key=a"])
    func badIndexesAreRejected(text: String) throws {
        let parameters = try Self.decode(text)
        #expect(throws: WireError.invalidListIndex(String(text.split(separator: "=")[0]))) { try parameters.records("Tag") }
    }

    @Test func anIndexAboveTheLimitIsTooLarge() throws {
        let parameters = try Self.decode("Tag.1001.Key=a")
        #expect(throws: WireError.tooLarge(#"the list index of "Tag.1001.Key" is above 1000"#)) { try parameters.records("Tag") }
    }

    @Test func tabsAndLineBreaksAreText() throws {
        #expect(try Self.decode("a=x%09y%0Az%0D")["a"] == "x\ty\nz\r")
    }
}
