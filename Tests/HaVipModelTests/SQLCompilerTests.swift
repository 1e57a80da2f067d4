import HaVipModel
import HaVipSQL
import Testing

/// The compiler keeps one SQL text per query shape: the text must follow the shape exactly and the
/// values must follow the call, whether the text was built now or kept from before.
@Suite struct SQLCompilerTests {
    let account = AccountID("1000000000000001")

    @Test func aKeptTextIsReusedWithTheNewCallsValues() {
        let compiler = SQLCompiler(.postgres)
        let first = compiler.select(Query(HaVip.self, account: account, [.equals("vpc_id", .text("vpc-a"))], limit: 10, offset: 20))
        let second = compiler.select(Query(HaVip.self, account: account, [.equals("vpc_id", .text("vpc-b"))], limit: 5, offset: 40))
        #expect(first.sql == second.sql)
        #expect(first.sql.hasSuffix("WHERE havips.account = $1 AND vpc_id = $2 LIMIT $3 OFFSET $4"))
        #expect(second.bindings == [.text(account.rawValue), .text("vpc-b"), .integer(5), .integer(40)])
    }

    @Test func everyPartOfTheShapeChangesTheText() {
        let compiler = SQLCompiler(.sqlite)
        let base = Query(HaVip.self, account: account, [.isIn("id", [.text("a"), .text("b")])], limit: 10)
        var longerList = base
        longerList.conditions = [.isIn("id", [.text("a"), .text("b"), .text("c")])]
        var otherColumn = base
        otherColumn.conditions = [.isIn("vpc_id", [.text("a"), .text("b")])]
        var ordered = base
        ordered.order = [("created_at", true)]
        var descending = base
        descending.order = [("created_at", false)]
        var offset = base
        offset.offset = 10
        var noLimit = base
        noLimit.limit = nil
        let texts = [base, longerList, otherColumn, ordered, descending, offset, noLimit].map { compiler.select($0).sql }
        #expect(Set(texts).count == texts.count)
        #expect(compiler.select(longerList).sql.contains("id IN (?, ?, ?)"))
        #expect(compiler.count(base).sql != compiler.select(base).sql)
        #expect(compiler.delete(base).sql.hasPrefix("DELETE FROM havips WHERE"))
    }

    @Test func aZeroOffsetIsNoOffsetAndTagValuesAreBoundInOrder() {
        let compiler = SQLCompiler(.sqlite)
        let withValue = Query(HaVip.self, account: account, [.hasTag(resourceType: "HAVIP", key: "env", value: "prod")], offset: 0)
        let statement = compiler.select(withValue)
        #expect(!statement.sql.contains("OFFSET"))
        #expect(statement.bindings == [.text(account.rawValue), .text("HAVIP"), .text("env"), .text("prod")])
        let anyValue = Query(HaVip.self, account: account, [.hasTag(resourceType: "HAVIP", key: "env", value: nil)])
        #expect(compiler.select(anyValue).bindings == [.text(account.rawValue), .text("HAVIP"), .text("env")])
        #expect(compiler.select(anyValue).sql != statement.sql)
    }
}
