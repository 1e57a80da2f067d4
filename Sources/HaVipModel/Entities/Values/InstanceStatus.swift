/// The status of an ECS instance.
public enum InstanceStatus: String, Sendable, CaseIterable, SQLConvertible {
    case pending = "Pending"
    case running = "Running"
    case starting = "Starting"
    case stopping = "Stopping"
    case stopped = "Stopped"
}
