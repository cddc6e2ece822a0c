public import Foundation
public import WorkbenchPostgres

/// What imports a register's rows in a command's transaction: ``CodedRegisterImport``, or a
/// register's own set-wise import (members). ``RegisterImportCommand`` runs one.
public protocol RegisterImporter {
    /// Imports `rows`, all or none.
    ///
    /// - Throws: 4xx `rows.refused` naming every refused row and its column; what the
    ///   database refuses.
    func run(_ rows: RequestRows, dryRun: Bool, now: Date, timeZone: TimeZone, in session: PostgresSession) async throws -> ImportOutcome
}

extension CodedRegisterImport: RegisterImporter {}
