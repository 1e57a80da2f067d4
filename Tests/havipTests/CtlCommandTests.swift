import ArgumentParser
import HaVipClient
import HaVipModel
import HaVipServer
import Testing
import Yams

@testable import havip

@Suite struct CtlCommandTests {
    @Test func everySubcommandIsReachable() throws {
        let paths: [[String]] = [
            ["reset", "--account", "A"], ["snapshot", "save", "s"], ["snapshot", "list"], ["snapshot", "restore", "s"],
            ["snapshot", "delete", "s"], ["world", "apply", "w.yaml"], ["transitions"], ["transitions", "show"],
            ["transitions", "delay", "0.2"], ["transitions", "manual"], ["transitions", "step"],
            ["fault", "add", "--action", "X", "--preset", "throttling"], ["fault", "list"], ["fault", "clear"], ["fault", "clear", "f-1"],
            ["failover", "havip-1", "--to", "i-2"], ["requests", "--follow", "--limit", "3"],
        ]
        for path in paths {
            let command = try HavipCommand.parseAsRoot(["ctl"] + path + ["--admin-token", "t"])
            #expect(String(reflecting: type(of: command)).hasPrefix("havip.Ctl."), "\(path)")
        }
    }

    @Test func theTokenComesFromTheOptionThenHAVIP_ADMIN_TOKENThenTheDevelopmentToken() throws {
        let plain = try Ctl.Fault.List.parse([]).control
        #expect(try plain.token(in: ["HAVIP_ADMIN_TOKEN": "env"]) == "env")
        #expect(try plain.token(in: [:]) == AdminToken.development)
        #expect(throws: ValidationError.self) { try plain.token(in: ["HAVIP_ADMIN_TOKEN": ""]) }
        #expect(try Ctl.Fault.List.parse(["--admin-token", "opt"]).control.token(in: ["HAVIP_ADMIN_TOKEN": "env"]) == "opt")
    }

    @Test func presetsAreTheCataloguesErrors() throws {
        let throttled = try Ctl.Fault.Add.parse(["--action", "AssociateHaVip", "--preset", "throttling", "--count", "3"]).rule
        #expect(
            throttled
                == FaultRule(
                    action: "AssociateHaVip", count: 3,
                    error: InjectedError(code: "Throttling.User", status: 400, message: "Request was denied due to user flow control.")))
        let unavailable = try Ctl.Fault.Add.parse(["--action", "*", "--preset", "service-unavailable"]).rule
        #expect(unavailable.error == InjectedError(code: APIError.serviceUnavailable.code, status: 503, message: APIError.serviceUnavailable.message))
    }

    @Test func aCustomFaultTakesEveryOption() throws {
        let rule = try Ctl.Fault.Add.parse([
            "--action", "Describe*", "--account", "A", "--count", "2", "--probability", "0.5", "--latency-ms", "300",
            "--code", "OperationConflict", "--status", "400", "--message", "busy",
        ]).rule
        #expect(
            rule
                == FaultRule(
                    action: "Describe*", account: "A", count: 2, probability: 0.5, latencyMs: 300,
                    error: InjectedError(code: "OperationConflict", status: 400, message: "busy")))
        #expect(try Ctl.Fault.Add.parse(["--action", "X", "--latency-ms", "10"]).rule.error == nil)
    }

    @Test(arguments: [
        ["--action", "X"],  // neither an error nor a delay
        ["--action", "X", "--code", "C"],  // a custom error needs all three
        ["--action", "X", "--preset", "throttling", "--code", "C", "--status", "400", "--message", "m"],
        ["--action", "X", "--preset", "slow"],
        ["--action", "X", "--code", "C", "--status", "200", "--message", "m"],
        ["--action", "X", "--preset", "throttling", "--probability", "1.5"],
        ["--action", "X", "--preset", "throttling", "--count", "0"],
        ["--preset", "throttling"],
    ])
    func badFaultsAreRejectedWhileParsing(arguments: [String]) {
        #expect(throws: (any Error).self) { try Ctl.Fault.Add.parse(arguments) }
    }

    @Test func helpListsTheControlSubcommands() {
        #expect(HavipCommand.helpMessage().contains("  ctl "))
        let help = Ctl.helpMessage()
        for subcommand in ["reset", "snapshot", "world", "transitions", "fault", "failover", "requests"] {
            #expect(help.contains("  \(subcommand) "), "\(help)")
        }
        #expect(Ctl.Fault.Add.helpMessage().contains("--preset <preset>"))
        #expect(Ctl.Requests.helpMessage().contains("--follow"))
    }
}

@Suite struct WorldFileTests {
    @Test func yamlBecomesTheSameJSONAsTheJSONDocument() throws {
        let yaml = """
            account: "1111111111111111"
            region: cn-hangzhou
            vpcs:
              - name: prod
                cidr: 10.0.0.0/16
                vswitches:
                  - name: a
                    zone: cn-hangzhou-h
                    cidr: 10.0.1.0/24
                    instances: [{name: web1}, {name: web2}]
                    havips: [{name: vip, associate: [web1, web2], eip: true, weight: 1.5, note: null}]
            """
        let json = #"""
            {"account": "1111111111111111", "region": "cn-hangzhou",
             "vpcs": [{"name": "prod", "cidr": "10.0.0.0/16",
               "vswitches": [{"name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24",
                 "instances": [{"name": "web1"}, {"name": "web2"}],
                 "havips": [{"name": "vip", "associate": ["web1", "web2"], "eip": true, "weight": 1.5, "note": null}]}]}]}
            """#
        let fromYAML = try JSONValue(yaml: try #require(try Yams.compose(yaml: yaml)))
        let fromJSON = try JSONValue(yaml: try #require(try Yams.compose(yaml: json)))
        #expect(fromYAML == fromJSON)
        #expect(fromYAML["account"] == .string("1111111111111111"))
        #expect(fromYAML["vpcs"]?[0]?["vswitches"]?[0]?["havips"]?[0]?["eip"] == .bool(true))
        #expect(fromYAML["vpcs"]?[0]?["vswitches"]?[0]?["havips"]?[0]?["weight"] == .number(1.5))
        #expect(fromYAML["vpcs"]?[0]?["vswitches"]?[0]?["havips"]?[0]?["note"] == .null)
    }

    @Test func plainNumbersAreNumbersAndQuotedOnesText() throws {
        let value = try JSONValue(yaml: try #require(try Yams.compose(yaml: "a: 12\nb: '12'\nc: yes-please\nd: true")))
        #expect(value == .object(["a": .integer(12), "b": .string("12"), "c": .string("yes-please"), "d": .bool(true)]))
    }
}

@Suite struct JournalFollowerTests {
    private func entry(_ id: String) -> JournalEntry {
        JournalEntry(
            time: "t", action: "A", account: nil, region: nil, parameters: [:], status: 200, code: nil, durationMs: 1, requestId: id)
    }

    @Test func onlyEntriesThePreviousPollDidNotHoldAreNew() {
        var follower = JournalFollower()
        #expect(follower.newEntries([entry("1"), entry("2")]).map(\.requestId) == ["1", "2"])
        #expect(follower.newEntries([entry("1"), entry("2"), entry("3")]).map(\.requestId) == ["3"])
        #expect(follower.newEntries([entry("3"), entry("4"), entry("5")]).map(\.requestId) == ["4", "5"])
        #expect(follower.newEntries([entry("3"), entry("4"), entry("5")]).isEmpty)
    }
}
