import Foundation
import RPCWire
import Testing

@Suite struct RenderingTests {
    static let tree: [ResponseNode.Field] = [
        .init("RequestId", "4C467B38-3910-447D-87BC-AC049166F216"),
        .init("TotalCount", .int(1)),
        .init(
            "HaVips",
            .list(item: "HaVip", [
                .object([
                    .init("HaVipId", "havip-1"),
                    .init("Name", "a \"quoted\" <name> & more\n"),
                    .init("AssociatedInstances", .strings(item: "associatedInstance", ["i-1", "i-2"])),
                    .init("AssociatedEipAddresses", .strings(item: "associatedEipAddresse", [])),
                    .init("Tags", .list(item: "Tag", [.object([.init("Key", "env"), .init("Value", "中")])])),
                    .init("Enabled", .bool(true)),
                ])
            ])),
    ]

    @Test func jsonWrapsListsAndEscapes() {
        let json = String(decoding: JSONRenderer.render(Self.tree), as: UTF8.self)
        #expect(
            json
                == #"{"RequestId":"4C467B38-3910-447D-87BC-AC049166F216","TotalCount":1,"HaVips":{"HaVip":[{"HaVipId":"havip-1","Name":"a \"quoted\" <name> & more\n","AssociatedInstances":{"associatedInstance":["i-1","i-2"]},"AssociatedEipAddresses":{"associatedEipAddresse":[]},"Tags":{"Tag":[{"Key":"env","Value":"中"}]},"Enabled":true}]}}"#
        )
    }

    @Test func xmlRendersTheSameTree() {
        let xml = String(decoding: XMLRenderer.render(Self.tree, root: "DescribeHaVipsResponse"), as: UTF8.self)
        #expect(
            xml
                == #"<?xml version="1.0" encoding="UTF-8"?><DescribeHaVipsResponse><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId><TotalCount>1</TotalCount><HaVips><HaVip><HaVipId>havip-1</HaVipId><Name>a &quot;quoted&quot; &lt;name&gt; &amp; more"#
                + "\n"
                + #"</Name><AssociatedInstances><associatedInstance>i-1</associatedInstance><associatedInstance>i-2</associatedInstance></AssociatedInstances><AssociatedEipAddresses></AssociatedEipAddresses><Tags><Tag><Key>env</Key><Value>中</Value></Tag></Tags><Enabled>true</Enabled></HaVip></HaVips></DescribeHaVipsResponse>"#
        )
    }

    @Test func controlCharactersAreEscapedInJSON() {
        let json = String(decoding: JSONRenderer.render([.init("K", .string("\u{01}\t"))]), as: UTF8.self)
        #expect(json == #"{"K":"\u0001\t"}"#)
    }

    @Test(arguments: [("json", true), ("JSON", true), ("Json", true), ("xml", true), ("XML", true), ("yaml", false), ("", false)])
    func formatParameterIsCaseInsensitive(value: String, valid: Bool) {
        #expect((ResponseFormat(parameter: value) != nil) == valid)
        #expect(ResponseFormat(parameter: nil) == .json)
    }
}

@Suite struct JSONStringTests {
    /// Every string renders as Foundation's JSON decoder reads it back, wherever in the string (inside an
    /// eight-byte word or in the tail) a character that needs escaping falls.
    @Test func escapesRoundTripAtEveryPosition() throws {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "中", " ", "~"]
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    if length > 0 { characters[position] = special }
                    let text = String(characters)
                    let json = JSONRenderer.render([.init("V", .string(text))])
                    let decoded = try JSONDecoder().decode([String: String].self, from: Data(json))
                    #expect(decoded["V"] == text, "\(text.debugDescription)")
                }
            }
        }
    }
}
