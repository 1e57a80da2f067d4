import HaVipModel
import Testing

/// The store's nonce ledger (``HaVipStore/claimNonces(_:now:)``), the same on SQLite and PostgreSQL: a nonce
/// is granted once until it expires, a batch answers claim by claim, and expired rows are forgotten.
@Suite struct NonceLedgerTests {
    static func digest(_ n: UInt64) -> NonceDigest { NonceDigest(high: n &* 0x9E37_79B9_7F4A_7C15, low: n) }

    @Test func aNonceIsGrantedOnceUntilItExpiresThenAgain() async throws {
        let h = try Harness()
        try await h.ready.value
        let claim = NonceClaim(digest: Self.digest(1), expiresAt: 1_000)
        #expect(try await h.store.claimNonces([claim], now: 100) == [true])
        #expect(try await h.store.claimNonces([claim], now: 999) == [false])
        // Expired but not yet forgotten: the claim takes the row over, and holds it until its new expiry.
        let renewed = NonceClaim(digest: Self.digest(1), expiresAt: 2_000)
        #expect(try await h.store.claimNonces([renewed], now: 1_000) == [true])
        #expect(try await h.store.claimNonces([renewed], now: 1_500) == [false])
    }

    @Test func aBatchAnswersEachClaimAndARepeatInItIsGrantedOnce() async throws {
        let h = try Harness()
        try await h.ready.value
        _ = try await h.store.claimNonces([NonceClaim(digest: Self.digest(2), expiresAt: 1_000)], now: 0)
        let batch = [1, 2, 3, 1].map { NonceClaim(digest: Self.digest($0), expiresAt: 1_000) }
        #expect(try await h.store.claimNonces(batch, now: 0) == [true, false, true, false])
        #expect(try await h.store.claimNonces([], now: 0) == [])
    }

    @Test func expiredNoncesAreForgottenAndLiveOnesKept() async throws {
        let h = try Harness()
        try await h.ready.value
        let claims = (0..<10).map { NonceClaim(digest: Self.digest(UInt64($0)), expiresAt: $0 < 6 ? 500 : 900) }
        #expect(try await h.store.claimNonces(claims, now: 0) == Array(repeating: true, count: 10))
        #expect(try await h.store.forgetNonces(expiredBy: 499) == 0)
        #expect(try await h.store.forgetNonces(expiredBy: 500) == 6)
        #expect(try await h.store.claimNonces(claims, now: 600) == (0..<10).map { $0 < 6 })
    }

    /// More expired rows than SQLite deletes in one transaction (it sweeps in slices): all are forgotten.
    @Test func aSweepForgetsEveryExpiredNonceHoweverMany() async throws {
        let h = try Harness()
        try await h.ready.value
        let claims = (0..<4_500).map { NonceClaim(digest: Self.digest(UInt64($0)), expiresAt: $0 < 4_200 ? 500 : 900) }
        #expect(try await h.store.claimNonces(claims, now: 0).allSatisfy { $0 })
        #expect(try await h.store.forgetNonces(expiredBy: 500) == 4_200)
        #expect(try await h.store.forgetNonces(expiredBy: 500) == 0)
        #expect(try await h.store.claimNonces(Array(claims.suffix(300)), now: 600) == Array(repeating: false, count: 300))
    }

    @Test func theDigestIsKeptAsThirtyTwoHexDigits() {
        #expect(NonceDigest(high: 1, low: 0xABC).hex == "0000000000000001" + "0000000000000abc")
        #expect(NonceDigest(high: .max, low: .max).hex == String(repeating: "f", count: 32))
    }
}
