/// One forward-only schema change of one module: the contents of
/// `Sources/<Target>/Migrations/NNNN_name.sql`, embedded at build time by the
/// `EmbedMigrations` plugin.
///
/// The file name fixes the order (`NNNN`, a positive integer) and a short name. The
/// checksum is the SHA-256 of the file's bytes; once applied, a migration must never change:
/// start-up refuses a database whose recorded checksum differs from the build's.
///
/// The one exception is a correction of the file's comments: a line
/// `-- amends <checksum>` names the checksum of the earlier text, and a database that applied
/// that text records this one's instead (nothing runs again). It is for comments only: the
/// SQL a database applied must stay the SQL of the file.
public struct Migration: Sendable, Hashable, CustomStringConvertible {
    /// The `NNNN` of the file name.
    public let version: Int
    /// The part after `NNNN_`, without `.sql`.
    public let name: String
    /// The file name, e.g. `0001_create_units.sql`.
    public let fileName: String
    /// The SQL script.
    public let sql: String
    /// SHA-256 of the script's UTF-8 bytes, lowercase hex.
    public let checksum: String
    /// Checksums of earlier texts of this file that differed only in comments (its
    /// `-- amends <checksum>` lines).
    public let amends: Set<String>

    /// Creates a migration; the checksum is computed from `sql`.
    public init(version: Int, name: String, fileName: String, sql: String) {
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = sql
        self.checksum = SHA256.hexDigest(of: sql.utf8)
        self.amends = Set(
            sql.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("-- amends ") else { return nil }
                let checksum = line.dropFirst("-- amends ".count).prefix(64)
                return checksum.count == 64 && checksum.allSatisfy(\.isHexDigit) ? checksum.lowercased() : nil
            }
        )
    }

    /// Whether a database that recorded `checksum` applied this migration: its own text, or an
    /// earlier one it amends.
    public func matches(checksum recorded: String) -> Bool {
        recorded == checksum || amends.contains(recorded)
    }

    public var description: String { fileName }
}

/// The migrations of one module, applied in its own schema.
public struct ModuleMigrations: Sendable {
    /// The module's id, which is also its PostgreSQL schema (`organizations`).
    public let module: String
    /// Where the files live, for error messages (`Sources/OrganizationsModule/Migrations`).
    public let directory: String
    /// Migrations in ascending version order.
    public let migrations: [Migration]

    /// Groups a module's migrations; they are sorted by version.
    public init(module: String, directory: String, migrations: [Migration]) {
        self.module = module
        self.directory = directory
        self.migrations = migrations.sorted { $0.version < $1.version }
    }
}
