import ArgumentParser
import HaVipClient
import HaVipModel
import Testing

@testable import havip

@Suite struct ProductCallTests {
    @Test func parametersFollowTheActionAsTheAliyunCLIWritesThem() throws {
        let command = try VpcCommand.parse([
            "DescribeHaVips", "--RegionId", "cn-hangzhou", "--Filter.1.Key", "VpcId", "--Filter.1.Value.1", "vpc-x",
            "--endpoint", "http://127.0.0.1:9", "--Filter.1.Value.2=vpc-y", "--PageSize", "-1", "--signature", "v1",
        ])
        #expect(command.call.action == "DescribeHaVips")
        let parameters = try command.call.callParameters
        #expect(parameters.map(\.name) == ["RegionId", "Filter.1.Key", "Filter.1.Value.1", "Filter.1.Value.2", "PageSize"])
        #expect(parameters.map(\.value) == ["cn-hangzhou", "VpcId", "vpc-x", "vpc-y", "-1"])
        #expect(command.call.options.connection.endpoint == "http://127.0.0.1:9")
        #expect(command.call.options.signature == .v1)
    }

    @Test func regionBecomesRegionIdUnlessTheCallGivesOne() throws {
        let added = try EcsCommand.parse(["DescribeInstances", "--region", "cn-beijing", "--PageSize", "10"])
        #expect(try added.call.callParameters.map { "\($0.name)=\($0.value)" } == ["PageSize=10", "RegionId=cn-beijing"])
        let given = try EcsCommand.parse(["DescribeInstances", "--region", "cn-beijing", "--RegionId", "cn-hangzhou"])
        #expect(try given.call.callParameters.map { "\($0.name)=\($0.value)" } == ["RegionId=cn-hangzhou"])
    }

    @Test func aValueThatStartsWithDashesGoesAfterAnEqualsSign() throws {
        let command = try VpcCommand.parse(["ModifyHaVipAttribute", "--Description=--not an option--", "--Name", "a=b"])
        #expect(try command.call.callParameters.map(\.value) == ["--not an option--", "a=b"])
    }

    @Test(arguments: [
        ["DescribeHaVips", "--endpiont", "x"],  // a mistyped option is not a parameter
        ["DescribeHaVips", "--RegionId"],  // a parameter without its value
        ["DescribeHaVips", "--RegionId", "--PageSize", "1"],
        ["DescribeHaVips", "stray"],
        ["DescribeHaVips", "--endpoint", "ftp://x"],
        ["DescribeHaVips", "--access-key-id", "only-the-id"],
        ["DescribeHaVips", "--signature", "v2"],
        [],  // no action
    ])
    func badCommandLinesAreRejectedWhileParsing(arguments: [String]) {
        #expect(throws: (any Error).self) { try VpcCommand.parse(arguments) }
    }

    @Test func credentialsComeFromTheOptionsThenTheEnvironmentThenTheDevelopmentKey() throws {
        let environment = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "env-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"]
        let explicit = try VpcCommand.parse(["DescribeRegions", "--access-key-id", "a", "--access-key-secret", "b"]).call.options
        #expect(try explicit.credentials(in: environment) == ("a", "b"))
        let plain = try VpcCommand.parse(["DescribeRegions"]).call.options
        #expect(try plain.credentials(in: environment) == ("env-id", "env-secret"))
        #expect(try plain.credentials(in: [:]) == (AccessKey.development.id, AccessKey.development.secret))
        #expect(throws: ValidationError.self) { try plain.credentials(in: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "id"]) }
    }

    @Test func theEndpointComesFromTheOptionThenHAVIP_ENDPOINT() throws {
        let plain = try StsCommand.parse(["GetCallerIdentity"]).call.options.connection
        #expect(try plain.endpoint(in: [:]) == .local)
        #expect(try plain.endpoint(in: ["HAVIP_ENDPOINT": "https://h:8443"]) == Endpoint(scheme: "https", host: "h", port: 8443))
        #expect(throws: ValidationError.self) { try plain.endpoint(in: ["HAVIP_ENDPOINT": "nonsense://"]) }
        let given = try StsCommand.parse(["GetCallerIdentity", "--endpoint", "127.0.0.1:1"]).call.options.connection
        #expect(try given.endpoint(in: ["HAVIP_ENDPOINT": "https://h:8443"]) == Endpoint(scheme: "http", host: "127.0.0.1", port: 1))
    }

    @Test func helpShowsTheAliyunShape() {
        let help = VpcCommand.helpMessage()
        #expect(help.contains("havip vpc <Action> [--Name value ...] [options]"))
        for option in ["--endpoint", "--access-key-id", "--access-key-secret", "--signature", "--region", "--ca-bundle"] {
            #expect(help.contains(option), "\(option) missing from:\n\(help)")
        }
        #expect(help.contains("Vpc 2016-04-28") && EcsCommand.helpMessage().contains("Ecs 2014-05-26"))
        let top = HavipCommand.helpMessage()
        for subcommand in ["vpc", "ecs", "sts", "serve"] { #expect(top.contains("  \(subcommand) "), "\(top)") }
    }
}

@Suite struct PrettyJSONTests {
    @Test func indentsWithTabsAndKeepsTheServersKeyOrder() {
        let json = #"{"RequestId":"r","TotalCount":1,"HaVips":{"HaVip":[{"Status":"Available","Tags":{"Tag":[]},"Empty":{}}]}}"#
        #expect(
            PrettyJSON.format(Array(json.utf8)) == """
                {
                \t"RequestId": "r",
                \t"TotalCount": 1,
                \t"HaVips": {
                \t\t"HaVip": [
                \t\t\t{
                \t\t\t\t"Status": "Available",
                \t\t\t\t"Tags": {
                \t\t\t\t\t"Tag": []
                \t\t\t\t},
                \t\t\t\t"Empty": {}
                \t\t\t}
                \t\t]
                \t}
                }
                """)
    }

    @Test func stringsAreCopiedUntouched() {
        let json = #"{"a":"{[ , : ]} \"quoted\" \\","b" : [ 1 , 2 ]}"#
        #expect(PrettyJSON.format(Array(json.utf8)) == "{\n\t\"a\": \"{[ , : ]} \\\"quoted\\\" \\\\\",\n\t\"b\": [\n\t\t1,\n\t\t2\n\t]\n}")
    }
}
