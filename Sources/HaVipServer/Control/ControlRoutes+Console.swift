import HTTPTypes
import HaVipModel
import Hummingbird

/// `GET /_havip/console/`: the web console (docs/console.md), three files compiled into the binary
/// (`Console/`, SwiftPM resources embedded in code). Open like health: the page holds no state and asks for
/// the admin token, which every call it makes carries. It loads nothing from anywhere else, and its
/// `Content-Security-Policy` says so.
extension ControlRoutes {
    /// The console's files by name: their bytes and media type.
    static let consoleFiles: [String: (bytes: [UInt8], contentType: String)] = [
        "index.html": (PackageResources.index_html, "text/html; charset=utf-8"),
        "console.css": (PackageResources.console_css, "text/css; charset=utf-8"),
        "console.js": (PackageResources.console_js, "text/javascript; charset=utf-8"),
    ]

    func addConsole(to group: RouterGroup<HaVipRequestContext>) {
        group.get("console") { _, _ in try Self.consoleFile("index.html") }
        group.get("console/:file") { _, context in try Self.consoleFile(try Self.parameter("file", context)) }
    }

    static func consoleFile(_ name: String) throws -> Response {
        guard let file = consoleFiles[name] else { throw ControlError(.controlNotFound("the console has no file \(name)")) }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .cacheControl: "no-cache", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
