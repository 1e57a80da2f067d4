/// Every action case, one list per group of actions (`Cases+<Group>.swift`). A new action's cases go in its
/// group's list; a new group is a file with `static let <group>: [ActionCase]` and one entry here.
enum ActionCases {
    static let all: [ActionCase] = [
        catalogue, vpcs, routeTables, haVips, eips, vpcTags, securityGroups, instances, networkInterfaces, ecsTags,
    ].flatMap { $0 }
}
