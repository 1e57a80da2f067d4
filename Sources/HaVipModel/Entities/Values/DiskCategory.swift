/// The cloud disk categories havip offers (every zone, every instance type): what `SystemDisk.Category`
/// accepts and DescribeZones and DescribeAvailableResource list.
public enum DiskCategory: String, Sendable, CaseIterable, SQLConvertible {
    case cloudEfficiency = "cloud_efficiency"
    case cloudSSD = "cloud_ssd"
    case cloudESSD = "cloud_essd"

    /// The published IOPS of a disk of `size` GiB: ultra disks 1,800 + 8/GiB up to 5,000, standard SSDs
    /// 1,800 + 30/GiB up to 25,000, ESSDs at PL1 1,800 + 50/GiB up to 50,000.
    public func iops(size: Int) -> Int {
        switch self {
        case .cloudEfficiency: min(1800 + 8 * size, 5000)
        case .cloudSSD: min(1800 + 30 * size, 25000)
        case .cloudESSD: min(1800 + 50 * size, 50000)
        }
    }

    /// `PL1` for an ESSD (the default performance level), empty for the others.
    public var performanceLevel: String { self == .cloudESSD ? "PL1" : "" }
}
