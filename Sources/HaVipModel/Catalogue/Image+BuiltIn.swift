// The public images havip offers in every region: a few of the real ones, by their real IDs. An image
// not listed here does not exist for havip (RunInstances answers InvalidImageId.NotFound), so the list
// is exactly what DescribeImages shows. `ubuntu_18_04_…` is there for the `^ubuntu_18.*64` name filter
// of Terraform's alicloud_images example.

extension Image {
    public static let builtIn: [Image] = [
        Image(
            id: "aliyun_3_x64_20G_alibase_20240819.vhd", osName: "Alibaba Cloud Linux  3.2104 LTS 64位",
            osNameEn: "Alibaba Cloud Linux  3.2104 LTS 64 bit", platform: "Aliyun",
            description: "Alibaba Cloud Linux 3.2104 LTS 64 bit", imageFamily: "acs:alibaba_cloud_linux_3_2104_lts_x64",
            creationTime: "2024-08-19T06:33:32Z"),
        Image(
            id: "ubuntu_22_04_x64_20G_alibase_20240101.vhd", osName: "Ubuntu  22.04 64位", osNameEn: "Ubuntu  22.04 64 bit",
            platform: "Ubuntu", description: "Ubuntu  22.04 64 bit", imageFamily: "acs:ubuntu_22_04_x64", creationTime: "2024-01-01T08:12:45Z"),
        Image(
            id: "ubuntu_18_04_x64_20G_alibase_20200914.vhd", osName: "Ubuntu  18.04 64位", osNameEn: "Ubuntu  18.04 64 bit",
            platform: "Ubuntu", description: "Ubuntu  18.04 64 bit", imageFamily: "acs:ubuntu_18_04_x64", creationTime: "2020-09-14T10:45:09Z"),
    ]
}
