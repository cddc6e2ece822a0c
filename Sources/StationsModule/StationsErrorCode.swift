/// Every error code the stations module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` lets a test list them.
public enum StationsErrorCode {
    /// `stations.coverage.bad_extent`.
    public static let coverageBadExtent = "stations.coverage.bad_extent"
    /// `stations.coverage.lattice_too_fine`.
    public static let coverageLatticeTooFine = "stations.coverage.lattice_too_fine"
    /// `stations.coverage.no_extent`.
    public static let coverageNoExtent = "stations.coverage.no_extent"
    /// `stations.coverage.no_grids_module`.
    public static let coverageNoGridsModule = "stations.coverage.no_grids_module"
    /// `stations.coverage.no_located_grids`.
    public static let coverageNoLocatedGrids = "stations.coverage.no_located_grids"
    /// `stations.coverage.no_located_households`: `of=households` over a scope whose
    /// households have no recorded position.
    public static let coverageNoLocatedHouseholds = "stations.coverage.no_located_households"
    /// `stations.coverage.two_circles`.
    public static let coverageTwoCircles = "stations.coverage.two_circles"
    /// `stations.hours.malformed`.
    public static let hoursMalformed = "stations.hours.malformed"
    /// `stations.position.incomplete`.
    public static let positionIncomplete = "stations.position.incomplete"
    /// `stations.service.bad_extra`.
    public static let serviceBadExtra = "stations.service.bad_extra"
    /// `stations.service.duplicate`.
    public static let serviceDuplicate = "stations.service.duplicate"
    /// `stations.service.none_named`.
    public static let serviceNoneNamed = "stations.service.none_named"
    /// `stations.service.not_offered`.
    public static let serviceNotOffered = "stations.service.not_offered"
    /// `stations.service.unknown`.
    public static let serviceUnknown = "stations.service.unknown"
    /// `stations.station.already_closed`.
    public static let stationAlreadyClosed = "stations.station.already_closed"
    /// `stations.station.already_open`.
    public static let stationAlreadyOpen = "stations.station.already_open"
    /// `stations.station.closed`.
    public static let stationClosed = "stations.station.closed"
    /// `stations.station.duplicate_code`.
    public static let stationDuplicateCode = "stations.station.duplicate_code"
    /// `stations.station.future_closing`.
    public static let stationFutureClosing = "stations.station.future_closing"
    /// `stations.station.not_found`.
    public static let stationNotFound = "stations.station.not_found"
    /// `stations.station.nothing_to_change`.
    public static let stationNothingToChange = "stations.station.nothing_to_change"
    /// `stations.visit.bad_worker_id`.
    public static let visitBadWorkerId = "stations.visit.bad_worker_id"
    /// `stations.visit.empty_period`.
    public static let visitEmptyPeriod = "stations.visit.empty_period"
    /// `stations.visit.future`.
    public static let visitFuture = "stations.visit.future"
    /// `stations.visit.personal_worker_id`.
    public static let visitPersonalWorkerId = "stations.visit.personal_worker_id"
    /// `stations.visit.service_not_offered`.
    public static let visitServiceNotOffered = "stations.visit.service_not_offered"

    /// All of them, in order.
    public static let all = [
        coverageBadExtent,
        coverageLatticeTooFine,
        coverageNoExtent,
        coverageNoGridsModule,
        coverageNoLocatedGrids,
        coverageNoLocatedHouseholds,
        coverageTwoCircles,
        hoursMalformed,
        positionIncomplete,
        serviceBadExtra,
        serviceDuplicate,
        serviceNoneNamed,
        serviceNotOffered,
        serviceUnknown,
        stationAlreadyClosed,
        stationAlreadyOpen,
        stationClosed,
        stationDuplicateCode,
        stationFutureClosing,
        stationNotFound,
        stationNothingToChange,
        visitBadWorkerId,
        visitEmptyPeriod,
        visitFuture,
        visitPersonalWorkerId,
        visitServiceNotOffered,
    ]
}
