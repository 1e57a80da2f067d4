/// Whether an ENI is an instance's own (created and deleted with it) or one created on its own.
public enum NetworkInterfaceType: String, Sendable, CaseIterable, SQLConvertible {
    case primary = "Primary"
    case secondary = "Secondary"
}
