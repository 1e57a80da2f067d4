@testable import HaVipModel
import HaVipSQL
import Testing

/// The compiler keeps one SQL text per query shape: the text must follow the shape exactly and the
/// values must follow the call, whether the text was built now or kept from before.
@Suite struct SQLCompilerTests {
    let account = AccountID("1000000000000001")

    @Test func aKeptTextIsReusedWithTheNewCallsValues() {
        let compiler = SQLCompiler(.postgres)
        let first = compiler.select(Query(HaVip.self, account: account, [.equals(HaVip.column.vpcId, "vpc-a")], limit: 10, offset: 20))
        let second = compiler.select(Query(HaVip.self, account: account, [.equals(HaVip.column.vpcId, "vpc-b")], limit: 5, offset: 40))
        #expect(first.sql == second.sql)
        #expect(first.sql.hasSuffix("WHERE havips.account = $1 AND vpc_id = $2 LIMIT $3 OFFSET $4"))
        #expect(second.bindings == [.text(account.rawValue), .text("vpc-b"), .integer(5), .integer(40)])
    }

    @Test func everyPartOfTheShapeChangesTheText() {
        let compiler = SQLCompiler(.sqlite)
        let base = Query(HaVip.self, account: account, [.isIn(HaVip.column.id, ["a", "b"])], limit: 10)
        var longerList = base
        longerList.conditions = [.isIn(HaVip.column.id, ["a", "b", "c"])]
        var otherColumn = base
        otherColumn.conditions = [.isIn(HaVip.column.vpcId, ["a", "b"])]
        var ordered = base
        ordered.order = [.ascending(HaVip.column.createdAt)]
        var descending = base
        descending.order = [.descending(HaVip.column.createdAt)]
        var offset = base
        offset.offset = 10
        var noLimit = base
        noLimit.limit = nil
        let texts = [base, longerList, otherColumn, ordered, descending, offset, noLimit].map { compiler.select($0).sql }
        #expect(Set(texts).count == texts.count)
        #expect(compiler.select(longerList).sql.contains("id IN (?, ?, ?)"))
        #expect(compiler.count(base).sql != compiler.select(base).sql)
        #expect(compiler.count(base, by: HaVip.column.vpcId).sql.hasSuffix("GROUP BY vpc_id"))
        #expect(compiler.delete(base).sql.hasPrefix("DELETE FROM havips WHERE"))
    }

    @Test func aZeroOffsetIsNoOffsetAndTagValuesAreBoundInOrder() {
        let compiler = SQLCompiler(.sqlite)
        let withValue = Query(HaVip.self, account: account, [.hasTag("env", value: "prod")], offset: 0)
        let statement = compiler.select(withValue)
        #expect(!statement.sql.contains("OFFSET"))
        #expect(statement.bindings == [.text(account.rawValue), .text("HAVIP"), .text("env"), .text("prod")])
        let anyValue = Query(HaVip.self, account: account, [.hasTag("env", value: nil)])
        #expect(compiler.select(anyValue).bindings == [.text(account.rawValue), .text("HAVIP"), .text("env")])
        #expect(compiler.select(anyValue).sql != statement.sql)
    }

    /// The select list is the record's stored columns in declaration order: computed keys are written,
    /// never read back.
    @Test func selectsReadTheStoredColumnsAndInsertsWriteThemAll() {
        let compiler = SQLCompiler(.sqlite)
        let select = compiler.select(Query(Tag.self, account: account))
        #expect(select.sql.hasPrefix("SELECT account, resource_type, resource_id, tag_key, tag_value FROM tags WHERE"))
        let tag = Tag(account: account, resourceType: .vpc, resourceId: "vpc-1", key: "env", value: "prod")
        let insert = compiler.insert(tag)
        #expect(insert.sql == "INSERT INTO tags (key, account, resource_type, resource_id, tag_key, tag_value) VALUES (?, ?, ?, ?, ?, ?)")
        #expect(insert.bindings == [.text("VPC/vpc-1/env"), .text(account.rawValue), .text("VPC"), .text("vpc-1"), .text("env"), .text("prod")])
        let update = compiler.update(tag)
        #expect(update.sql == "UPDATE tags SET account = ?, resource_type = ?, resource_id = ?, tag_key = ?, tag_value = ? WHERE key = ? AND account = ?")
        #expect(update.bindings.last == .text(account.rawValue))
        #expect(compiler.update(tag).sql == update.sql)
    }

    /// A token page's cursor: a row-value comparison on the listing's order, both values bound.
    @Test func afterComparesTheOrderColumnsAsOneRow() {
        let compiler = SQLCompiler(.postgres)
        let query = Query(
            Instance.self, account: account, [.after(Instance.column.createdAt, 12.5, then: Instance.column.id, "i-1")],
            order: [.ascending(Instance.column.createdAt), .ascending(Instance.column.id)], limit: 11)
        let statement = compiler.select(query)
        #expect(statement.sql.hasSuffix("WHERE instances.account = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at ASC, id ASC LIMIT $4"))
        #expect(statement.bindings == [.text(account.rawValue), .real(12.5), .text("i-1"), .integer(11)])
    }
}
