/// The scale bar of a map: a round length that fits, and its Chinese label.
struct ScaleBar: Sendable, Equatable {
    /// The length shown, in metres.
    var metres: Double

    /// The longest round length (1, 2 or 5 × a power of ten metres) not above `maximum` metres.
    init(notAbove maximum: Double) {
        var best = 1.0
        var power = 1.0
        while power <= maximum {
            for step in [1.0, 2, 5] where step * power <= maximum { best = step * power }
            power *= 10
        }
        metres = best
    }

    /// `500 米` or `2 公里`.
    var label: String {
        metres >= 1000 ? "\(ScaleBar.trimmed(metres / 1000)) 公里" : "\(ScaleBar.trimmed(metres)) 米"
    }

    private static func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
