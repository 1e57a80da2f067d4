import ArgumentParser

/// The API parameters of a call, from what follows the action on the command line: `--Name value` or
/// `--Name=value` pairs, in order, as the aliyun CLI takes them (`--Filter.1.Value.1 vpc-x`).
///
/// argument-parser collects them (`.allUnrecognized`: every input the command's own options do not claim, in
/// the order given); this pairs names with values. API parameters start with a capital letter, the CLI's own
/// options with a small one, so a mistyped option (`--endpiont`) is an error, not a parameter.
enum RPCParameters {
    static func parse(_ arguments: [String]) throws -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ValidationError("expected an API parameter as --Name value, found '\(argument)'")
            }
            let flag = argument.dropFirst(2)
            let name: Substring
            let value: String
            if let equals = flag.firstIndex(of: "=") {
                name = flag[..<equals]
                value = String(flag[flag.index(after: equals)...])
                index += 1
            } else {
                let next = index + 1
                guard next < arguments.endIndex, !arguments[next].hasPrefix("--") else {
                    throw ValidationError("--\(flag) needs a value (--\(flag) VALUE, or --\(flag)=VALUE for a value that starts with --)")
                }
                name = flag
                value = arguments[next]
                index += 2
            }
            guard let first = name.first, first.isUppercase else {
                throw ValidationError("unknown option '--\(name)' (API parameters start with a capital letter: --RegionId)")
            }
            parameters.append((String(name), value))
        }
        return parameters
    }
}
