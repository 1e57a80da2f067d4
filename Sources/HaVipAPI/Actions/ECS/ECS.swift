/// The ECS actions whose names VPC actions also have (`DescribeRegions`, `DescribeZones`, `TagResources`,
/// `ListTagResources`): the action table tells them apart by version, Swift by this namespace.
enum ECS {}
