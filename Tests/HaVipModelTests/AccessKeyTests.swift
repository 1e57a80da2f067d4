import HaVipModel
import Testing

@Suite struct AccessKeyTests {
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
