import RPCWire
import Testing

/// The spec's V1 vectors (section 2.1): DescribeHaVips with one VpcId filter, key `testid`/`testsecret`.
@Suite struct SignatureV1Tests {
    static let business: [(name: String, value: String)] = [
        ("RegionId", "cn-hangzhou"), ("Filter.1.Key", "VpcId"), ("Filter.1.Value.1", "vpc-abc"),
    ]
    static let common: [(name: String, value: String)] = [
        ("Action", "DescribeHaVips"), ("Version", "2016-04-28"), ("Timestamp", "2024-01-01T12:00:00Z"),
        ("SignatureNonce", "3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e"), ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"), ("AccessKeyId", "testid"),
    ]
    static let teaParameters = business + common + [("Format", "json")]
    static let coreParameters = business + common + [("Format", "JSON"), ("SignatureType", "")]

    @Test func teaVectorCanonicalQuery() {
        #expect(
            SignatureV1.canonicalizedQuery(Self.teaParameters)
                == "AccessKeyId=testid&Action=DescribeHaVips&Filter.1.Key=VpcId&Filter.1.Value.1=vpc-abc&Format=json&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e&SignatureVersion=1.0&Timestamp=2024-01-01T12%3A00%3A00Z&Version=2016-04-28"
        )
    }

    @Test func teaVectorStringToSignAndSignature() {
        let stringToSign = SignatureV1.stringToSign(method: "POST", parameters: Self.teaParameters)
        #expect(
            stringToSign
                == "POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeHaVips%26Filter.1.Key%3DVpcId%26Filter.1.Value.1%3Dvpc-abc%26Format%3Djson%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00%253A00Z%26Version%3D2016-04-28"
        )
        #expect(SignatureV1.signature(stringToSign: stringToSign, secret: "testsecret") == "eQfey8iTpLlcesJjXeHzhAu+K/w=")
    }

    @Test func oldCoreVectorWithEmptySignatureType() {
        let stringToSign = SignatureV1.stringToSign(method: "POST", parameters: Self.coreParameters)
        #expect(
            stringToSign
                == "POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeHaVips%26Filter.1.Key%3DVpcId%26Filter.1.Value.1%3Dvpc-abc%26Format%3DJSON%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e%26SignatureType%3D%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00%253A00Z%26Version%3D2016-04-28"
        )
        #expect(SignatureV1.signature(stringToSign: stringToSign, secret: "testsecret") == "czumHuvC9DN0r4eSA722yMiHLX0=")
    }

    @Test func signatureParameterIsNotSigned() {
        let signed = Self.teaParameters + [("Signature", "anything")]
        #expect(SignatureV1.canonicalizedQuery(signed) == SignatureV1.canonicalizedQuery(Self.teaParameters))
    }

    /// One changed byte in any signed part (a name, a value, the method, the secret) changes the signature.
    @Test(arguments: 0..<10)
    func tamperingAnyPartFails(index: Int) {
        let original = SignatureV1.signature(
            stringToSign: SignatureV1.stringToSign(method: "POST", parameters: Self.teaParameters), secret: "testsecret")
        var tamperedName = Self.teaParameters
        tamperedName[index].name += "x"
        var tamperedValue = Self.teaParameters
        tamperedValue[index].value += "x"
        for parameters in [tamperedName, tamperedValue] {
            let signature = SignatureV1.signature(stringToSign: SignatureV1.stringToSign(method: "POST", parameters: parameters), secret: "testsecret")
            #expect(signature != original)
        }
        #expect(SignatureV1.signature(stringToSign: SignatureV1.stringToSign(method: "GET", parameters: Self.teaParameters), secret: "testsecret") != original)
        #expect(SignatureV1.signature(stringToSign: SignatureV1.stringToSign(method: "POST", parameters: Self.teaParameters), secret: "testsecreT") != original)
    }

    @Test func percentEncodingFollowsRFC3986() {
        #expect(PercentEncoding.encode("a b*c~d/e+f=g&h%é中") == "a%20b%2Ac~d%2Fe%2Bf%3Dg%26h%25%C3%A9%E4%B8%AD")
        #expect(PercentEncoding.encode("AZaz09-_.~") == "AZaz09-_.~")
    }

    @Test func signerProducesVerifiableRequests() {
        let signer = RequestSigner(accessKeyId: "testid", secret: "testsecret")
        let sent = signer.signV1(
            method: "POST", action: "DescribeHaVips", version: "2016-04-28", parameters: Self.business,
            timestamp: "2024-01-01T12:00:00Z", nonce: "3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e")
        let signature = sent.first { $0.name == "Signature" }?.value
        #expect(signature == SignatureV1.signature(stringToSign: SignatureV1.stringToSign(method: "POST", parameters: sent), secret: "testsecret"))
    }
}
