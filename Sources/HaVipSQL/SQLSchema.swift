import Foundation

/// The schema both stores build, as named migrations in order. Column types are written `{REAL}` and
/// `{INTEGER}` and filled in per dialect; everything else is plain SQL both databases accept.
///
/// The migrations are history, frozen as they were applied: their DDL spells table and column names as
/// text, and must never change. A change to the schema is a new migration, and a record's typed columns
/// (its `Columns`) must name what the migrations built (the store contract suite round-trips every record).
public enum SQLSchema {
    public struct Migration: Sendable {
        public let name: String
        /// Statements separated by `;`.
        public let sql: String
    }

    public static func migrations(for dialect: SQLDialect) -> [Migration] {
        [
            Migration(name: "001_service_metadata", sql: serviceMetadata),
            Migration(name: "002_cloud_resources", sql: cloudResources),
            Migration(name: "003_signature_nonces", sql: signatureNonces),
            Migration(name: "004_havip_counters", sql: haVipCounters),
            Migration(name: "005_ecs_details", sql: ecsDetails),
            Migration(name: "006_controls", sql: controls),
            Migration(name: "007_route_tables", sql: routeTables),
            Migration(name: "008_signature_nonces", sql: signatureNonceDigests),
            Migration(name: "009_resource_groups", sql: resourceGroups),
        ].map { Migration(name: $0.name, sql: dialect.fillTypes($0.sql)) }
    }

    static let serviceMetadata = """
        CREATE TABLE service_metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)
        """

    /// Exact HaVip counts per region, VPC and vSwitch (see HaVipCounter), filled from existing rows.
    static let haVipCounters = """
        CREATE TABLE havip_counters (key TEXT NOT NULL, account TEXT NOT NULL, count {INTEGER} NOT NULL, PRIMARY KEY (account, key));
        INSERT INTO havip_counters (key, account, count)
            SELECT 'region:' || region_id, account, COUNT(*) FROM havips GROUP BY account, region_id;
        INSERT INTO havip_counters (key, account, count)
            SELECT 'vpc:' || region_id || ':' || vpc_id, account, COUNT(*) FROM havips GROUP BY account, region_id, vpc_id;
        INSERT INTO havip_counters (key, account, count)
            SELECT 'vswitch:' || region_id || ':' || vswitch_id, account, COUNT(*) FROM havips GROUP BY account, region_id, vswitch_id
        """

    /// What ECS instances are launched with (host name, description, user data, bandwidth, billing, key pair,
    /// resource group, release protection), ENIs' resource groups, each instance's system disk, and
    /// security group rules. Existing instances get the real default host name and a 40 GiB ultra system
    /// disk named after them.
    static let ecsDetails = """
        ALTER TABLE instances ADD COLUMN host_name TEXT NOT NULL DEFAULT '';
        UPDATE instances SET host_name = 'iZ' || substr(id, 3) || 'Z';
        ALTER TABLE instances ADD COLUMN description TEXT NOT NULL DEFAULT '';
        ALTER TABLE instances ADD COLUMN user_data TEXT NOT NULL DEFAULT '';
        ALTER TABLE instances ADD COLUMN internet_charge_type TEXT NOT NULL DEFAULT 'PayByTraffic';
        ALTER TABLE instances ADD COLUMN internet_max_bandwidth_out {INTEGER} NOT NULL DEFAULT 0;
        ALTER TABLE instances ADD COLUMN internet_max_bandwidth_in {INTEGER} NOT NULL DEFAULT 10;
        ALTER TABLE instances ADD COLUMN instance_charge_type TEXT NOT NULL DEFAULT 'PostPaid';
        ALTER TABLE instances ADD COLUMN key_pair_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE instances ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE instances ADD COLUMN deletion_protection {INTEGER} NOT NULL DEFAULT 0;
        ALTER TABLE network_interfaces ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';

        CREATE TABLE disks (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, zone_id TEXT NOT NULL, instance_id TEXT, type TEXT NOT NULL,
            category TEXT NOT NULL, size {INTEGER} NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, device TEXT NOT NULL,
            status TEXT NOT NULL, delete_with_instance {INTEGER} NOT NULL, resource_group_id TEXT NOT NULL, created_at {REAL} NOT NULL,
            attached_at {REAL}, PRIMARY KEY (account, id));
        CREATE INDEX disks_by_region ON disks (account, region_id, created_at, id);
        CREATE INDEX disks_by_instance ON disks (account, instance_id);
        INSERT INTO disks (
            id, account, region_id, zone_id, instance_id, type, category, size, name, description, device, status, delete_with_instance,
            resource_group_id, created_at, attached_at)
            SELECT 'd-' || substr(id, 3), account, region_id, zone_id, id, 'system', 'cloud_efficiency', 40, '', '', '/dev/xvda', 'In_use', 1,
                '', created_at, created_at FROM instances;

        CREATE TABLE security_group_rules (
            id TEXT NOT NULL, account TEXT NOT NULL, security_group_id TEXT NOT NULL, direction TEXT NOT NULL, ip_protocol TEXT NOT NULL,
            port_range TEXT NOT NULL, source_port_range TEXT NOT NULL, nic_type TEXT NOT NULL, policy TEXT NOT NULL,
            priority {INTEGER} NOT NULL, cidr_ip TEXT NOT NULL, peer_group_id TEXT NOT NULL, description TEXT NOT NULL,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX security_group_rules_by_group ON security_group_rules (account, security_group_id, created_at, id)
        """

    /// The control API's state, shared by every node: settings (the transition mode, the faults' generation),
    /// injected faults, and snapshots (their names apart from their rows, so that listing them reads no rows);
    /// and the HaVips with a pending transition, which a step of manual mode finds in every account.
    static let controls = """
        CREATE INDEX havips_pending ON havips (next_status) WHERE next_status IS NOT NULL;
        CREATE TABLE control_settings (key TEXT NOT NULL, account TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (account, key));
        CREATE TABLE injected_faults (
            id TEXT NOT NULL, account TEXT NOT NULL, action TEXT NOT NULL, target_account TEXT, count {INTEGER}, hits {INTEGER} NOT NULL,
            probability {REAL} NOT NULL, latency_ms {INTEGER} NOT NULL, error_code TEXT, error_status {INTEGER}, error_message TEXT,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE TABLE snapshots (
            name TEXT NOT NULL, account TEXT NOT NULL, created_at {REAL} NOT NULL, resources {INTEGER} NOT NULL, PRIMARY KEY (account, name));
        CREATE TABLE snapshot_contents (name TEXT NOT NULL, account TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (account, name))
        """

    /// Each VPC's system route table and the custom route entries of route tables. Every existing VPC gets
    /// its system route table here, under the ID its row already names; new ones get it with the VPC.
    static let routeTables = """
        CREATE TABLE route_tables (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, vpc_id TEXT NOT NULL, vrouter_id TEXT NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL, resource_group_id TEXT NOT NULL, created_at {REAL} NOT NULL,
            PRIMARY KEY (account, id));
        CREATE INDEX route_tables_by_region ON route_tables (account, region_id, created_at, id);
        CREATE INDEX route_tables_by_vpc ON route_tables (account, vpc_id);
        INSERT INTO route_tables (id, account, region_id, vpc_id, vrouter_id, name, description, resource_group_id, created_at)
            SELECT route_table_id, account, region_id, id, vrouter_id, '', '', resource_group_id, created_at FROM vpcs;

        CREATE TABLE route_entries (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, route_table_id TEXT NOT NULL, vpc_id TEXT NOT NULL,
            destination_cidr_block TEXT NOT NULL, next_hop_type TEXT NOT NULL, next_hop_id TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, status TEXT NOT NULL, next_status TEXT, due_at {REAL}, created_at {REAL} NOT NULL,
            PRIMARY KEY (account, id));
        CREATE INDEX route_entries_by_region ON route_entries (account, region_id, created_at, id);
        CREATE INDEX route_entries_by_table ON route_entries (account, route_table_id, created_at, id);
        CREATE INDEX route_entries_by_next_hop ON route_entries (account, next_hop_id);
        CREATE INDEX route_entries_due ON route_entries (account, due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX route_entries_pending ON route_entries (next_status) WHERE next_status IS NOT NULL
        """

    /// Nonces shared by several nodes (PostgreSQL); a single node kept them in memory. Replaced by 008.
    static let signatureNonces = """
        CREATE TABLE signature_nonces (key TEXT PRIMARY KEY, expires_at {INTEGER} NOT NULL);
        CREATE INDEX signature_nonces_by_expiry ON signature_nonces (expires_at)
        """

    /// Nonces on every store, as digests (``NonceDigest``, 32 hexadecimal digits) rather than the client's
    /// text, so that a row's size is fixed. SQLite drops it again (its ledger is a file of its own, see
    /// `SQLiteMigrations`). On PostgreSQL the table is `UNLOGGED`: its writes skip the WAL
    /// (a claim costs an insert, no log flush), and a crash of the database (not a clean restart) empties it.
    static let signatureNonceDigests = """
        DROP TABLE signature_nonces;
        CREATE {UNLOGGED} TABLE signature_nonces (digest TEXT PRIMARY KEY, expires_at {INTEGER} NOT NULL);
        CREATE INDEX signature_nonces_by_expiry ON signature_nonces (expires_at)
        """

    /// The resource groups accounts have beside their default one (which is never stored).
    static let resourceGroups = """
        CREATE TABLE resource_groups (
            id TEXT NOT NULL, account TEXT NOT NULL, name TEXT NOT NULL, created_at {REAL} NOT NULL, PRIMARY KEY (account, id))
        """

    /// Every table is keyed by (account, key): accounts never see each other's rows.
    static let cloudResources = """
        CREATE TABLE vpcs (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, cidr_block TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, status TEXT NOT NULL, resource_group_id TEXT NOT NULL, vrouter_id TEXT NOT NULL,
            route_table_id TEXT NOT NULL, created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX vpcs_by_region ON vpcs (account, region_id, created_at, id);

        CREATE TABLE vswitches (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, vpc_id TEXT NOT NULL, zone_id TEXT NOT NULL,
            cidr_block TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
            resource_group_id TEXT NOT NULL, created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX vswitches_by_region ON vswitches (account, region_id, created_at, id);
        CREATE INDEX vswitches_by_vpc ON vswitches (account, vpc_id);

        CREATE TABLE ip_allocations (
            key TEXT NOT NULL, account TEXT NOT NULL, vswitch_id TEXT NOT NULL, address {INTEGER} NOT NULL, owner_id TEXT NOT NULL,
            PRIMARY KEY (account, key));
        CREATE UNIQUE INDEX ip_allocations_unique ON ip_allocations (vswitch_id, address);

        CREATE TABLE ip_free_ranges (
            key TEXT NOT NULL, account TEXT NOT NULL, vswitch_id TEXT NOT NULL, first_address {INTEGER} NOT NULL,
            last_address {INTEGER} NOT NULL, PRIMARY KEY (account, key));
        CREATE INDEX ip_free_ranges_by_first ON ip_free_ranges (account, vswitch_id, first_address);
        CREATE INDEX ip_free_ranges_by_last ON ip_free_ranges (account, vswitch_id, last_address);

        CREATE TABLE havips (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, vpc_id TEXT NOT NULL, vswitch_id TEXT NOT NULL,
            ip_address TEXT NOT NULL, status TEXT NOT NULL, next_status TEXT, due_at {REAL}, name TEXT NOT NULL,
            description TEXT NOT NULL, resource_group_id TEXT NOT NULL, master_instance_id TEXT, associated_instance_type TEXT,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX havips_by_region ON havips (account, region_id, created_at, id);
        CREATE INDEX havips_by_vpc ON havips (account, region_id, vpc_id, created_at, id);
        CREATE INDEX havips_by_vswitch ON havips (account, region_id, vswitch_id, created_at, id);
        CREATE INDEX havips_by_address ON havips (account, region_id, ip_address);
        CREATE INDEX havips_by_status ON havips (account, region_id, status, created_at, id);
        CREATE INDEX havips_due ON havips (account, due_at) WHERE due_at IS NOT NULL;

        CREATE TABLE havip_associations (
            key TEXT NOT NULL, account TEXT NOT NULL, havip_id TEXT NOT NULL, instance_id TEXT NOT NULL, instance_type TEXT NOT NULL,
            position {REAL} NOT NULL, PRIMARY KEY (account, key));
        CREATE INDEX havip_associations_by_havip ON havip_associations (account, havip_id, position);
        CREATE INDEX havip_associations_by_instance ON havip_associations (account, instance_id);

        CREATE TABLE security_groups (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, vpc_id TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, resource_group_id TEXT NOT NULL, created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX security_groups_by_vpc ON security_groups (account, vpc_id);
        CREATE INDEX security_groups_by_region ON security_groups (account, region_id, created_at, id);

        CREATE TABLE instances (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, zone_id TEXT NOT NULL, vpc_id TEXT NOT NULL,
            vswitch_id TEXT NOT NULL, private_ip_address TEXT NOT NULL, security_group_ids TEXT NOT NULL, status TEXT NOT NULL,
            name TEXT NOT NULL, image_id TEXT NOT NULL, instance_type TEXT NOT NULL, primary_eni_id TEXT NOT NULL,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX instances_by_region ON instances (account, region_id, created_at, id);
        CREATE INDEX instances_by_vswitch ON instances (account, vswitch_id);

        CREATE TABLE network_interfaces (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, zone_id TEXT NOT NULL, vpc_id TEXT NOT NULL,
            vswitch_id TEXT NOT NULL, primary_ip_address TEXT NOT NULL, mac_address TEXT NOT NULL, type TEXT NOT NULL,
            status TEXT NOT NULL, instance_id TEXT, security_group_ids TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE INDEX network_interfaces_by_region ON network_interfaces (account, region_id, created_at, id);
        CREATE INDEX network_interfaces_by_vswitch ON network_interfaces (account, vswitch_id);
        CREATE INDEX network_interfaces_by_vpc ON network_interfaces (account, vpc_id);
        CREATE INDEX network_interfaces_by_instance ON network_interfaces (account, instance_id);

        CREATE TABLE eips (
            id TEXT NOT NULL, account TEXT NOT NULL, region_id TEXT NOT NULL, ip_address TEXT NOT NULL, status TEXT NOT NULL,
            instance_type TEXT, instance_id TEXT, bandwidth TEXT NOT NULL, internet_charge_type TEXT NOT NULL,
            instance_charge_type TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, resource_group_id TEXT NOT NULL,
            created_at {REAL} NOT NULL, PRIMARY KEY (account, id));
        CREATE UNIQUE INDEX eips_unique_address ON eips (ip_address);
        CREATE INDEX eips_by_region ON eips (account, region_id, created_at, id);
        CREATE INDEX eips_by_instance ON eips (account, instance_id);

        CREATE TABLE tags (
            key TEXT NOT NULL, account TEXT NOT NULL, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, tag_key TEXT NOT NULL,
            tag_value TEXT NOT NULL, PRIMARY KEY (account, key));
        CREATE INDEX tags_by_resource ON tags (account, resource_type, resource_id, tag_key, tag_value);

        CREATE TABLE idempotency_records (
            key TEXT NOT NULL, account TEXT NOT NULL, action TEXT NOT NULL, client_token TEXT NOT NULL, fingerprint TEXT NOT NULL,
            response TEXT NOT NULL, created_at {REAL} NOT NULL, PRIMARY KEY (account, key));
        """
}

extension SQLDialect {
    func fillTypes(_ sql: String) -> String {
        sql.replacingOccurrences(of: "{REAL}", with: realType).replacingOccurrences(of: "{INTEGER}", with: integerType)
            .replacingOccurrences(of: "{UNLOGGED}", with: unloggedTable)
    }
}
