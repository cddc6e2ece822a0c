public import WorkbenchPostgres

extension StationsModule {
    /// Every named statement of the module, for the test that prepares each one against a
    /// migrated database. A statement missing here fails that test, naming it.
    public static var statements: [PostgresStatement] {
        VisitGrouping.allCases.map(\.statement) + [
            MapQueries.hostedIn,
            NearestQueries.nearest,
            NearestQueries.nearestOffering,
            NearestQueries.offeringCount,
            NearestQueries.nearestToEach,
            NearestQueries.inBox,
            ServiceCatalogue.Queries.find,
            ServiceCatalogue.Queries.standard,
            ServiceCatalogue.Queries.define,
            ServiceCatalogue.Queries.insertExtras,
            ServiceCatalogue.Queries.ofStation,
            ServiceCatalogue.Queries.catalogue,
            ServiceCatalogue.Queries.offer,
            ServiceCatalogue.Queries.withdraw,
            StationStore.Queries.find,
            StationStore.Queries.findByCodes,
            StationStore.Queries.findForUpdate,
            StationStore.Queries.insert,
            StationStore.Queries.update,
            StationStore.Queries.clearIntervals,
            StationStore.Queries.insertIntervals,
            StationStore.Queries.close,
            StationStore.Queries.reopen,
            StationStore.Queries.visitCounts,
            StationStore.Queries.openPositionsInScope,
            StationStore.Queries.list,
            VisitQueries.insert,
            VisitQueries.insertServices,
            VisitQueries.list,
            VisitQueries.totals,
        ]
    }
}
