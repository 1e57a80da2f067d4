// The RPCWire types a client's calls name, so that `import HaVipClient` is enough to write them.
@_exported import enum RPCWire.Product
@_exported import enum RPCWire.SignatureStyle
@_exported import enum RPCWire.JSONValue
