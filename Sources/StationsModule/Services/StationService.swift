import WorkbenchPostgres

/// A service of the "10+X" catalogue: one of the ten standard services (暖餐, 饮水, 休憩,
/// 避暑清凉, 取暖, 阅读, 充电, 充气, 如厕, 应急药箱) or an extra a station offers, such as 理发.
struct StationService: Sendable, Equatable {
    /// `charging` for a standard service; an extra's code is its name.
    var code: String
    /// The Chinese name (`充电`).
    var name: String
    /// One of the ten.
    var isStandard: Bool

    /// `charging 充电`, or an extra's name.
    var label: String { isStandard ? "\(code) \(name)" : name }

    init(row: PostgresRow) throws {
        code = try row.decode("code")
        name = try row.decode("name")
        isStandard = try row.decode("standard")
    }
}
