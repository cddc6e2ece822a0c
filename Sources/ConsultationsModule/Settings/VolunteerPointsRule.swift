/// How volunteer hours turn into vanguard points (先锋指数) for a volunteer who is a Party
/// member: `perHour` points an hour, rounded to the nearest point, at least one, at most
/// `maximumPerOrder` for one order, recorded under `category`.
public struct VolunteerPointsRule: Sendable, Equatable {
    /// The organizations module's points category the entries go to.
    public var category: String
    /// Points per hour served.
    public var perHour: Double
    /// The cap for one order, so that one long errand cannot outweigh a year of study.
    public var maximumPerOrder: Int

    /// Creates a rule.
    public init(category: String = "志愿服务", perHour: Double = 2, maximumPerOrder: Int = 20) {
        self.category = category
        self.perHour = perHour
        self.maximumPerOrder = maximumPerOrder
    }

    /// The points `hours` earn: `hours × perHour` rounded half up, between 1 and the cap.
    public func points(forHours hours: Double) -> Int {
        min(maximumPerOrder, max(1, Int((hours * perHour).rounded(.toNearestOrAwayFromZero))))
    }
}
