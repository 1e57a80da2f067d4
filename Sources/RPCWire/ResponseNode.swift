/// One response, built once per action and rendered as JSON or XML from the same tree.
///
/// Not `indirect`: the nesting goes through arrays, which are already on the heap, so a string or
/// number field costs no allocation of its own.
///
/// Alibaba RPC lists are always wrapped: `"HaVips": {"HaVip": [...]}` in JSON and
/// `<HaVips><HaVip>…</HaVip></HaVips>` in XML, which ``ResponseNode/list(item:_:)`` models.
public enum ResponseNode: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    /// Fields in the order they are rendered.
    case object([Field])
    /// A wrapped list: the key holding it names the collection, `item` names each element.
    case list(item: String, [ResponseNode])

    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: ResponseNode

        public init(_ name: String, _ value: ResponseNode) {
            self.name = name
            self.value = value
        }
    }

    public static func int(_ value: Int) -> ResponseNode { .integer(Int64(value)) }

    /// A wrapped list of strings, e.g. `.strings(item: "associatedInstance", ids)`.
    public static func strings(item: String, _ values: [String]) -> ResponseNode {
        .list(item: item, values.map(ResponseNode.string))
    }
}

extension ResponseNode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

/// The body of a successful response: its top-level fields in wire order, without `RequestId` (the server
/// adds it where the real service's map puts it). The XML root is not part of it: the server names it from
/// the action (`<Action>Response`).
public struct RPCResponse: Sendable, Equatable {
    public var fields: [ResponseNode.Field]

    public init(_ fields: [ResponseNode.Field] = []) {
        self.fields = fields
    }

    /// The complete top-level object: `RequestId` where `product`'s service writes it, in the
    /// ``JavaHashMapOrder`` of the top-level keys with it (its bucket decides; among keys of the same bucket,
    /// ``Product/insertsRequestIdFirst`` does).
    public func withRequestId(_ requestId: String, product: Product) -> [ResponseNode.Field] {
        let order = JavaHashMapOrder(keyCount: fields.count + 1)
        var all = fields
        let index = order.position(of: "RequestId", in: fields.map(\.name), insertedFirst: product.insertsRequestIdFirst)
        all.insert(ResponseNode.Field("RequestId", .string(requestId)), at: index)
        return all
    }
}

/// The output format a request asked for with `Format`.
public enum ResponseFormat: Sendable {
    case json
    case xml

    /// `JSON`/`XML` in any case; nil for anything else. An absent value means JSON.
    public init?(parameter: String?) {
        guard let parameter else {
            self = .json
            return
        }
        switch parameter.lowercased() {
        case "json": self = .json
        case "xml": self = .xml
        default: return nil
        }
    }

    /// The exact content types the SDKs look for.
    public var contentType: String {
        switch self {
        case .json: "application/json;charset=utf-8"
        case .xml: "text/xml;charset=utf-8"
        }
    }

    /// Renders a top-level object; `root` names the XML root element (`<Action>Response` or `Error`).
    public func render(_ fields: [ResponseNode.Field], root: String) -> [UInt8] {
        switch self {
        case .json: JSONRenderer.render(fields)
        case .xml: XMLRenderer.render(fields, root: root)
        }
    }
}
