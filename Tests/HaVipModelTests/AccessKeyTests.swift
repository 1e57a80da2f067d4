import HaVipModel
import Testing

@Suite struct AccessKeyTests {
    @Test func argumentFormDefaultsTheAccountToTheKeyId() throws {
        let plain = try #require(AccessKey(argument: "id1:secret1"))
        #expect(plain.id == "id1" && plain.secret == "secret1" && plain.account == AccountID("id1"))
        let withAccount = try #require(AccessKey(argument: "id2:secret2:1234567890123456"))
        #expect(withAccount.account == AccountID("1234567890123456"))
    }

    @Test(arguments: ["", "id", "id:", ":secret", "id:secret:", "a:b:c:d"])
    func malformedArgumentsAreRejected(argument: String) {
        #expect(AccessKey(argument: argument) == nil)
    }

    @Test func strictKeyRingKnowsOnlyItsKeys() {
        let ring = KeyRing(keys: [AccessKey(id: "a", secret: "s")], mode: .strict)
        #expect(ring.key(for: "a")?.secret == "s")
        #expect(ring.key(for: "b") == nil)
        #expect(ring.verifiesSignatures)
    }

    @Test func permissiveKeyRingMakesEveryUnknownKeyItsOwnAccount() {
        let ring = KeyRing(keys: [AccessKey(id: "a", secret: "s", account: AccountID("100"))], mode: .permissive)
        #expect(ring.key(for: "a")?.account == AccountID("100"))
        #expect(ring.key(for: "stranger")?.account == AccountID("stranger"))
        #expect(!ring.verifiesSignatures)
    }
}
