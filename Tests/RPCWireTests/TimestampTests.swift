import RPCWire
import Testing

@Suite struct TimestampTests {
    @Test func parsesAndFormatsTheRPCFormat() {
        #expect(Timestamp.parse("2024-01-01T12:00:00Z") == 1_704_110_400)
        #expect(Timestamp.parse("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.parse("2024-02-29T23:59:59Z") == 1_709_251_199)
        #expect(Timestamp.parse("2024-01-01T12:00:00.312Z") == 1_704_110_400)
        #expect(Timestamp.format(1_704_110_400) == "2024-01-01T12:00:00Z")
        #expect(Timestamp.format(1_709_251_199) == "2024-02-29T23:59:59Z")
    }

    @Test func formatsEveryYearFromZeroTo9999AndParsesItBack() {
        // 1 Jan of year 0 (proleptic Gregorian) is -62,167,219,200; 31 Dec 9999 23:59:59 is 253,402,300,799.
        #expect(Timestamp.format(-62_167_219_200) == "0000-01-01T00:00:00Z")
        #expect(Timestamp.format(253_402_300_799) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.format(-1) == "1969-12-31T23:59:59Z")
        for seconds in stride(from: Int64(-62_167_219_200), through: 253_402_300_799, by: 7_654_321_987) {
            #expect(Timestamp.parse(Timestamp.format(seconds)) == seconds)
        }
        #expect(Timestamp.format(253_402_300_800) == "10000-01-01T00:00:00Z")
    }

    /// Found by fuzz/FuzzTimestamps: formatting Int64.min overflowed the floor division and trapped.
    @Test func formatsTheExtremeSecondsWithoutOverflow() {
        #expect(Timestamp.format(.min) == "-292277022657-01-27T08:29:52Z")
        #expect(Timestamp.format(.max) == "292277026596-12-04T15:30:07Z")
        #expect(Timestamp.format(-86_401) == "1969-12-30T23:59:59Z")
    }

    @Test(arguments: [
        "", "2024-01-01 12:00:00Z", "2024-01-01T12:00:00", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T12:00:00.Z", "2024-01-01T12:00:00+08:00", "abcd-01-01T12:00:00Z",
    ])
    func rejectsOtherShapes(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
