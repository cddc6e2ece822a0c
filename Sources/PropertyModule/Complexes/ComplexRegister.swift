import WorkbenchKit
import WorkbenchPostgres

/// The complex register for `prop complex import`: rows run `prop complex add`; a complex is
/// matched by its code, and `update=true` puts the file's company in charge (`prop complex
/// assign`) where it differs from the one serving the complex today.
enum ComplexRegister {
    /// The register for one import.
    static func register(add: CommandSpec, assign: CommandSpec, invocation: Invocation) -> CommandRegister<Complex> {
        CommandRegister(
            ("complex", "complexes"), add: add, update: assign, invocation: invocation,
            key: { try $0.string("code") },
            lookup: { codes, session in
                let rows = try await session.query(ComplexStore.Queries.findByCodes, [codes, invocation.today])
                return Dictionary(
                    uniqueKeysWithValues: try rows.map {
                        let complex = try Complex(row: $0); return (complex.code, complex)
                    })
            },
            differences: { row, complex in
                guard let company = row.optionalString("company") else { return [] }
                let code = company.count == 18 ? company.uppercased() : company
                guard code != complex.companyCode, Int64(code) != complex.companyID else { return [] }
                return [("company", code), ("from", (row.optionalDate("from") ?? invocation.today).description)]
                    + (row.optionalDate("until").map { [("until", $0.description)] } ?? [])
            },
            identity: { ("complex", $0.code) }
        )
    }
}
