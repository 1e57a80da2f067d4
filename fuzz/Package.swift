// swift-tools-version:6.2
// libFuzzer targets for RPCWire, kept out of havip's own package so that its builds never see them.
// Built by scripts/fuzz: swift build --package-path fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address
// (each target's main.swift only defines LLVMFuzzerTestOneInput; libFuzzer supplies the entry point).
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the checkout is called.
let havip = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "havip-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "RPCWire", package: havip)]),
    ] + ["FuzzFormDecoding", "FuzzParameterLists", "FuzzSignatures", "FuzzTimestamps"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "RPCWire", package: havip)])
    }
)
