/// Every record type that makes up the emulated cloud's state, parents before the rows that refer to them:
/// what a reset deletes and a snapshot saves and restores. A new record type goes here (the model tests fail
/// for a table that neither this list nor ``ControlRecords`` holds).
public enum StateRecords {
    public static let all: [any StoredRecord.Type] = [
        ResourceGroup.self, Vpc.self, RouteTable.self, VSwitch.self, IPFreeRange.self, IPAllocation.self, SecurityGroup.self, SecurityGroupRule.self,
        Instance.self, Disk.self, NetworkInterface.self,
        HaVip.self, HaVipAssociation.self, HaVipCounter.self, RouteEntry.self, Eip.self, Tag.self, IdempotencyRecord.self,
    ]

    /// Whether rows of this type are resources a user sees (a VPC, a HaVip, ...), rather than their bookkeeping
    /// (addresses, counters, tags): what `resources` and `deleted` count.
    public static func isResource(_ type: any StoredRecord.Type) -> Bool {
        type is any RegionalRecord.Type
    }
}

/// The record types of the emulator's own controls, kept beside the cloud's state but never part of it: a
/// reset or a restore leaves them alone.
public enum ControlRecords {
    public static let all: [any StoredRecord.Type] = [ControlSetting.self, InjectedFault.self, StoredSnapshot.self, SnapshotContent.self]
}

extension AccountID {
    /// The owner of the emulator's own rows (settings, faults, snapshots): no AccessKey's account.
    public static let emulator = AccountID("")
}
