import WorkbenchKit

/// A grid's boundary polygon, written `lon lat, lon lat, …` (WGS-84, at least three
/// corners; the ring closes by itself) and stored as a PostgreSQL `polygon` of
/// (longitude, latitude) points.
struct GridBoundary: Sendable, Equatable {
    var corners: [(longitude: Double, latitude: Double)]

    static func == (lhs: GridBoundary, rhs: GridBoundary) -> Bool {
        lhs.corners.elementsEqual(rhs.corners) { $0.longitude == $1.longitude && $0.latitude == $1.latitude }
    }

    /// Parses the argument form, or throws a 400 naming `argument` and the bad corner.
    init(parsing text: String, argument: String = "boundary") throws {
        var corners: [(Double, Double)] = []
        for (index, part) in text.split(separator: ",").enumerated() {
            let numbers = part.split(whereSeparator: \.isWhitespace)
            guard numbers.count == 2, let longitude = Double(numbers[0]), let latitude = Double(numbers[1]),
                (-180...180).contains(longitude), (-90...90).contains(latitude)
            else {
                throw WorkbenchError.invalidArgument(
                    argument, "corner \(index + 1) ('\(part.trimmingCharacters(in: .whitespaces))') is not 'longitude latitude' in degrees"
                )
            }
            corners.append((longitude, latitude))
        }
        if corners.count > 3, let first = corners.first, let last = corners.last, first == last { corners.removeLast() }
        guard corners.count >= 3 else {
            throw WorkbenchError.invalidArgument(argument, "a boundary needs at least three corners: 'lon lat, lon lat, lon lat'")
        }
        self.corners = corners
    }

    /// Reads PostgreSQL's polygon output `((x,y),(x,y),…)`.
    init?(postgres text: String) {
        let numbers = text.split { "(), ".contains($0) }.compactMap { Double($0) }
        guard numbers.count >= 6, numbers.count.isMultiple(of: 2) else { return nil }
        corners = stride(from: 0, to: numbers.count, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    /// PostgreSQL's polygon input form.
    var postgresText: String { "(" + corners.map { "(\($0.longitude),\($0.latitude))" }.joined(separator: ",") + ")" }

    /// The argument form.
    var text: String { corners.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ", ") }
}
