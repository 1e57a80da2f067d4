/// A public (system) image: what `ImageId` may name at launch, and what DescribeImages lists.
public struct Image: Sendable, Hashable {
    public let id: String
    /// Shown as `ImageName`; the public images' name is their ID.
    public var name: String { id }
    /// e.g. `Ubuntu  22.04 64位` (the Chinese console name, as `OSName` shows it).
    public let osName: String
    /// e.g. `Ubuntu  22.04 64 bit`.
    public let osNameEn: String
    /// e.g. `Ubuntu`.
    public let platform: String
    public let osType: String
    public let architecture: String
    /// The image's size in GiB: the smallest system disk it fits on.
    public let size: Int
    public let description: String
    public let imageFamily: String
    /// When the image was published, `yyyy-MM-ddTHH:mm:ssZ`.
    public let creationTime: String

    public init(
        id: String, osName: String, osNameEn: String, platform: String, osType: String = "linux", architecture: String = "x86_64",
        size: Int = 20, description: String, imageFamily: String, creationTime: String
    ) {
        self.id = id
        self.osName = osName
        self.osNameEn = osNameEn
        self.platform = platform
        self.osType = osType
        self.architecture = architecture
        self.size = size
        self.description = description
        self.imageFamily = imageFamily
        self.creationTime = creationTime
    }

    /// The image with this ID, or nil.
    public static func find(_ id: String) -> Image? { builtIn.first { $0.id == id } }
}
