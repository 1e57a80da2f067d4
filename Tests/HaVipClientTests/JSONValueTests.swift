import Foundation
import HaVipClient
import Testing

@Suite struct JSONValueTests {
    @Test func decodesEveryKindAndReadsThroughSubscripts() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":"c"}],"n":-3,"big":9007199254740993}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"]?[0] == .integer(1))
        #expect(value["a"]?[1] == .number(2.5))
        #expect(value["a"]?[2]?.string == "x")
        #expect(value["a"]?[3]?.bool == true)
        #expect(value["a"]?[4] == .null)
        #expect(value["a"]?[5]?["b"]?.string == "c")
        #expect(value["n"]?.integer == -3)
        #expect(value["big"]?.integer == 9_007_199_254_740_993)
        #expect(value["missing"] == nil && value["a"]?[6] == nil && value[0] == nil)
    }

    @Test func encodesBackToTheSameValue() throws {
        let value = JSONValue.object(["list": .array([.integer(1), .number(0.5), .string("s"), .bool(false), .null]), "o": .object([:])])
        let encoded = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == value)
    }
}
