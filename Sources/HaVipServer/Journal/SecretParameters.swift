/// Which request parameters are never shown (the journal, a log): signatures and anything secret.
///
/// A parameter is removed when its name, in any case, contains one of ``secretWords`` (`Signature`,
/// `SignatureNonce`, `SecurityToken`, `AccessKeySecret`, an instance's `Password`, `Authorization`, a
/// `PrivateKey`...), except the names in ``shownAnyway`` (`ClientToken`, an idempotency token a client makes
/// up, and the signature's method and version, which name algorithms). Headers are never recorded at all, so
/// V3's `Authorization` header cannot appear.
enum SecretParameters {
    static let secretWords = ["signature", "secret", "password", "passwd", "token", "credential", "authorization", "privatekey", "sessionkey"]
    static let shownAnyway: Set<String> = ["clienttoken", "signaturemethod", "signatureversion", "signaturetype"]

    static func isSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return !shownAnyway.contains(lower) && secretWords.contains { lower.contains($0) }
    }

    /// The pairs without the secret ones (a name sent twice keeps its last value).
    static func shown(_ pairs: [(name: String, value: String)]) -> [String: String] {
        var shown: [String: String] = [:]
        for pair in pairs where !isSecret(pair.name) { shown[pair.name] = pair.value }
        return shown
    }
}
