// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // Release builds specialise generics across havip's own modules (the store's generic record API is
    // called from the model and the actions): unspecialised generic code was a visible part of a request.
    //
    // It is an unsafe flag, and it is on every target, the exported libraries (RPCWire, HaVipModel)
    // included, because it does not stop them from being used as dependencies: SwiftPM refuses unsafe
    // flags in a dependency only when the dependency's manifest is older than tools version 6.2
    // (swiftlang/swift-package-manager#8896, #8951), and this manifest is 6.2, which no older SwiftPM can
    // read at all. Checked with Swift 6.3.1: a package that depends on this one by version (and by path)
    // builds; the same flag under tools version 6.1 fails with "contains unsafe build flags". Lowering
    // the tools version below 6.2 would require moving the flag off RPCWire and HaVipModel.
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "havip",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "havip", targets: ["havip"]),
        .library(name: "RPCWire", targets: ["RPCWire"]),
        .library(name: "HaVipModel", targets: ["HaVipModel"]),
        .library(name: "HaVipClient", targets: ["HaVipClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Alibaba RPC protocol: parameters, signatures, response tree, renderers. No domain knowledge.
        .target(
            name: "RPCWire",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The cloud's rules: records and their typed columns, operations, queries, the error catalogue, the
        // Store protocol. No dependencies: no wire protocol, no HTTP, no NIO and no SQL dialect (the SQL text
        // is HaVipSQL's and the stores').
        .target(
            name: "HaVipModel",
            swiftSettings: swiftSettings
        ),
        // The action table: (version, action) -> handler that decodes parameters, calls the model, renders.
        .target(
            name: "HaVipAPI",
            dependencies: ["RPCWire", "HaVipModel"],
            swiftSettings: swiftSettings
        ),
        // The model's generic record operations as SQL (its typed columns made statements), shared by the stores.
        .target(
            name: "HaVipSQL",
            dependencies: ["HaVipModel"],
            swiftSettings: swiftSettings
        ),
        // Embedded default store (WAL, named migrations).
        .target(
            name: "HaVipSQLite",
            dependencies: [
                "HaVipModel", "HaVipSQL", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The store for several nodes on one PostgreSQL database.
        .target(
            name: "HaVipPostgres",
            dependencies: [
                "HaVipModel", "HaVipSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: a router with the RPC route (observer, envelope, authentication and fault
        // middleware), the control routes under /_havip/ (the console's files compiled in), /metrics, the request log.
        .target(
            name: "HaVipServer",
            dependencies: [
                "RPCWire", "HaVipModel", "HaVipAPI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The console's page, compiled into the binary (PackageResources.<name>, bytes): nothing to install or download.
            resources: [.embedInCode("Console/index.html"), .embedInCode("Console/console.css"), .embedInCode("Console/console.js")],
            swiftSettings: swiftSettings
        ),
        // The data plane (Linux, root): vSwitches as bridges, instances as network namespaces, keepalived, who holds each
        // HaVip address on the wire. Knows nothing of the model or the store; the executable wires it in.
        .target(
            name: "HaVipLab",
            dependencies: [
                "CHaVipLab",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // `havip serve --dataplane netns`: the lab built from the store and kept matching it, the masters the wire shows
        // written back through the model, and the control API's failover moving the address for real.
        .target(
            name: "HaVipDataplane",
            dependencies: [
                "HaVipLab", "HaVipModel", "HaVipServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Linux declarations HaVipLab needs that Glibc does not export (packet sockets, setns).
        .target(name: "CHaVipLab"),
        // The client of both APIs: signed RPC calls (RPCWire's signer) and the control API, over async-http-client.
        .target(
            name: "HaVipClient",
            dependencies: [
                "RPCWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "havip",
            dependencies: [
                "HaVipServer", "HaVipSQLite", "HaVipPostgres", "HaVipModel", "HaVipLab", "HaVipDataplane", "HaVipClient", "RPCWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // bench/: the limit, a bare Hummingbird handler with a fixed body (built in CI, run by bench/run.py).
        .executableTarget(
            name: "havip-bench-limit",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "bench/limit",
            swiftSettings: swiftSettings
        ),
        // bench/lab: failover times, lost pings, start-up and RSS of the netns data plane (root; run by hand).
        .executableTarget(
            name: "havip-lab-bench",
            dependencies: ["HaVipLab", .product(name: "Logging", package: "swift-log")],
            path: "bench/lab",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "HaVipLabTests", dependencies: ["HaVipLab"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HaVipDataplaneTests", dependencies: ["HaVipDataplane", "HaVipLab", "HaVipModel"], swiftSettings: swiftSettings),
        .testTarget(name: "RPCWireTests", dependencies: ["RPCWire"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HaVipModelTests",
            dependencies: ["HaVipModel", "HaVipSQL", "HaVipSQLite", "HaVipPostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings),
        .testTarget(name: "HaVipAPITests", dependencies: ["HaVipAPI", "HaVipSQLite", "RPCWire"], swiftSettings: swiftSettings),
        .testTarget(
            name: "havipTests",
            dependencies: [
                "havip", "HaVipModel", "HaVipServer", "HaVipSQLite", "HaVipClient", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HaVipClientTests",
            dependencies: [
                "HaVipClient", "HaVipServer", "HaVipSQLite", "HaVipModel", "RPCWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HaVipServerTests",
            dependencies: [
                "HaVipServer", "HaVipSQLite", "HaVipAPI", "HaVipModel", "RPCWire",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
