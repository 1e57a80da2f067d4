import RPCWire
import Testing

/// The spec's V3 vectors (section 2.2).
@Suite struct SignatureV3Tests {
    static let query: [(name: String, value: String)] = [
        ("RegionId", "cn-hangzhou"), ("Filter.1.Key", "VpcId"), ("Filter.1.Value.1", "vpc-abc"),
    ]
    /// Vector 1: every header the Python Tea SDK signs.
    static let teaHeaders: [String: String] = [
        "accept": "application/json",
        "host": "vpc.aliyuncs.com",
        "user-agent": "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
        "x-acs-action": "DescribeHaVips",
        "x-acs-content-sha256": SignatureV3.emptyPayloadHash,
        "x-acs-credentials-provider": "static_ak",
        "x-acs-date": "2024-01-01T12:00:00Z",
        "x-acs-signature-nonce": "3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e",
        "x-acs-version": "2016-04-28",
    ]

    static func sign(
        method: String = "POST", query: [(name: String, value: String)] = query, headers: [String: String] = teaHeaders,
        signed: [String]? = nil, payloadHash: String = SignatureV3.emptyPayloadHash, secret: String = "testsecret"
    ) -> (canonical: String, stringToSign: String, signature: String) {
        let canonical = SignatureV3.canonicalRequest(
            method: method, path: "/", query: query, signedHeaders: signed ?? Array(headers.keys),
            headerValues: { headers[$0].map { [$0] } ?? [] }, payloadHash: payloadHash)
        let stringToSign = SignatureV3.stringToSign(canonicalRequest: canonical)
        return (canonical, stringToSign, SignatureV3.signature(stringToSign: stringToSign, secret: secret))
    }

    @Test func teaVector() {
        let result = Self.sign()
        #expect(
            result.canonical == """
                POST
                /
                Filter.1.Key=VpcId&Filter.1.Value.1=vpc-abc&RegionId=cn-hangzhou
                accept:application/json
                host:vpc.aliyuncs.com
                user-agent:AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2
                x-acs-action:DescribeHaVips
                x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-acs-credentials-provider:static_ak
                x-acs-date:2024-01-01T12:00:00Z
                x-acs-signature-nonce:3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e
                x-acs-version:2016-04-28

                accept;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(result.stringToSign == "ACS3-HMAC-SHA256\ne4d7176399ee17c1107f580dd26a695a60ffc335dc3efa1aae49d28e7e88b05a")
        #expect(result.signature == "71e537bc361056bdb080a6c52c59733682022bc9d980b40d07ea382e71813528")
    }

    @Test func minimalSignedHeadersVector() {
        let signed = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"]
        #expect(Self.sign(signed: signed).signature == "e4d769839712df3a269295247b54cc5cb85c37e2ed6a01f5aba3fa12f3ac4875")
    }

    @Test(arguments: [
        ("2023-10-26T10:22:32Z", "3156853299f313e23d1673dc12e1703d", "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"),
        ("2023-10-26T09:01:01Z", "d410180a5abf7fe235dd9b74aca91fc0", "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"),
    ])
    func officialDocumentVectors(date: String, nonce: String, expected: String) {
        let headers = [
            "host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
            "x-acs-date": date, "x-acs-signature-nonce": nonce, "x-acs-content-sha256": SignatureV3.emptyPayloadHash,
        ]
        let query: [(name: String, value: String)] = [
            ("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), ("RegionId", "cn-shanghai"),
        ]
        #expect(Self.sign(query: query, headers: headers, secret: "YourAccessKeySecret").signature == expected)
    }

    /// One changed byte in the method, a query name or value, a signed header, the body hash or the secret fails.
    @Test func tamperingAnyPartFails() {
        let original = Self.sign().signature
        var variants: [String] = [
            Self.sign(method: "GET").signature,
            Self.sign(payloadHash: SignatureV3.hexSHA256(Array("x".utf8))).signature,
            Self.sign(secret: "testsecreT").signature,
        ]
        for index in Self.query.indices {
            var names = Self.query
            names[index].name += "x"
            var values = Self.query
            values[index].value += "x"
            variants += [Self.sign(query: names).signature, Self.sign(query: values).signature]
        }
        for name in Self.teaHeaders.keys {
            var headers = Self.teaHeaders
            headers[name]! += "x"
            variants.append(Self.sign(headers: headers, signed: Array(Self.teaHeaders.keys)).signature)
        }
        #expect(variants.count == 3 + 2 * Self.query.count + Self.teaHeaders.count)
        for variant in variants { #expect(variant != original) }
    }

    @Test func authorizationHeaderRoundTrips() throws {
        let header =
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e4d769839712df3a269295247b54cc5cb85c37e2ed6a01f5aba3fa12f3ac4875"
        let parsed = try #require(SignatureV3.Authorization(header: header))
        #expect(parsed.accessKeyId == "testid")
        #expect(parsed.signedHeaders == ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"])
        #expect(parsed.headerValue == header)
        #expect(SignatureV3.Authorization(header: "ACS3-HMAC-SHA256 Credential=testid,Signature=abc") == nil)
        #expect(SignatureV3.Authorization(header: "ACS4-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b") == nil)
        #expect(SignatureV3.Authorization(header: "ACS3-HMAC-SHA256 garbage") == nil)
    }

    @Test func emptyPayloadHashIsSHA256OfNothing() {
        #expect(SignatureV3.hexSHA256([UInt8]()) == SignatureV3.emptyPayloadHash)
    }
}
