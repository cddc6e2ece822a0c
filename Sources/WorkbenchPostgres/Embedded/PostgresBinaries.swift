import Foundation

/// Finds the PostgreSQL server programs (`initdb`, `postgres`, `pg_ctl`).
enum PostgresBinaries {
    /// The directory holding `initdb` and `postgres`: `preferred` if given, else the newest
    /// `/usr/lib/postgresql/<major>/bin` (Debian's layout), else the `PATH`.
    static func locate(preferred: String?, root: String = "/usr/lib/postgresql") throws -> String {
        let manager = FileManager.default
        func isServerDirectory(_ directory: String) -> Bool {
            manager.isExecutableFile(atPath: directory + "/initdb") && manager.isExecutableFile(atPath: directory + "/postgres")
        }
        if let preferred {
            guard isServerDirectory(preferred) else {
                throw PostgresError(
                    code: .client,
                    message: "database.embedded.bin_dir is \(preferred), which has no initdb and postgres programs"
                )
            }
            return preferred
        }
        let versions = ((try? manager.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { name in Int(name).map { ($0, "\(root)/\(name)/bin") } }
            .sorted { $0.0 > $1.0 }
        if let found = versions.first(where: { isServerDirectory($0.1) }) { return found.1 }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        where isServerDirectory(directory) {
            return directory
        }
        throw PostgresError(
            code: .client,
            message: "no PostgreSQL server programs found under \(root)/*/bin or on the PATH; "
                + "install the postgresql package, set database.embedded.bin_dir, or configure database.url"
        )
    }
}
