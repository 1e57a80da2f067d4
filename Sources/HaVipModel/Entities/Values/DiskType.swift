/// Whether a disk is an instance's system disk or a data disk (havip makes system disks only).
public enum DiskType: String, Sendable, CaseIterable, SQLConvertible {
    case system
    case data
}
