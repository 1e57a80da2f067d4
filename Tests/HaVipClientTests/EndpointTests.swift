import HaVipClient
import Testing

@Suite struct EndpointTests {
    @Test func endpointsParseWithTheSchemesDefaultPorts() throws {
        #expect(Endpoint("http://127.0.0.1:8580") == Endpoint(scheme: "http", host: "127.0.0.1", port: 8580))
        #expect(Endpoint("127.0.0.1:9000") == Endpoint(scheme: "http", host: "127.0.0.1", port: 9000))
        #expect(Endpoint("HTTPS://havip.test/") == Endpoint(scheme: "https", host: "havip.test", port: 443))
        #expect(Endpoint("http://localhost") == Endpoint(scheme: "http", host: "localhost", port: 80))
        #expect(Endpoint.local.description == "http://127.0.0.1:8580")
    }

    @Test(arguments: ["", "ftp://h:1", "http://h:1/path", "http://h:1/?q=1", "http://user:pw@h:1", "http://h:0", "http://:80"])
    func otherTextIsNotAnEndpoint(text: String) {
        #expect(Endpoint(text) == nil)
    }

    @Test func theHostHeaderLeavesOutADefaultPort() throws {
        #expect(try #require(Endpoint("https://h:443")).hostHeader == "h")
        #expect(try #require(Endpoint("http://h:80")).hostHeader == "h")
        #expect(try #require(Endpoint("http://h:8580")).hostHeader == "h:8580")
        #expect(try #require(Endpoint("https://h:8443")).description == "https://h:8443")
    }
}
