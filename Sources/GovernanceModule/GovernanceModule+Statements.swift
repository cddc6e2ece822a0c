public import WorkbenchPostgres

extension GovernanceModule {
    /// Every named statement of the module, for the test that prepares each one against a
    /// migrated database. A statement missing here fails that test, naming it.
    public static var statements: [PostgresStatement] {
        [
            ItemStore.Queries.add,
            ItemStore.Queries.list,
        ]
    }
}
