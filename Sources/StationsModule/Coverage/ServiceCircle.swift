import Foundation

/// The circle around an open station that counts as served: "15分钟服务圈" (so many minutes on
/// foot or by e-bike) or Fuding's "500米红色服务圈" (a straight-line distance).
public struct ServiceCircle: Sendable, Equatable {
    /// How the circle was asked for.
    public enum Measure: Sendable, Equatable {
        /// Minutes of travel.
        case minutes(Double, TravelMode)
        /// A straight-line distance in metres.
        case metres(Double)
    }

    /// How it was asked for.
    public var measure: Measure
    /// Its straight-line radius in metres.
    public var radius: Double

    /// A circle of travel time or distance under `speeds`.
    public init(_ measure: Measure, speeds: TravelSpeeds) {
        self.measure = measure
        switch measure {
        case .minutes(let minutes, let mode): radius = speeds.metres(inMinutes: minutes, by: mode)
        case .metres(let metres): radius = metres
        }
    }

    /// `15 min walk (1000 m)` or `500 m`.
    public var description: String {
        switch measure {
        case .minutes(let minutes, let mode): "\(Self.number(minutes)) min \(mode.rawValue) (\(Int(radius.rounded())) m)"
        case .metres(let metres): "\(Self.number(metres)) m"
        }
    }

    /// `15分钟步行服务圈（1000米）` or `500米服务圈`, for the map's legend.
    public var chinese: String {
        switch measure {
        case .minutes(let minutes, let mode): "\(Self.number(minutes))分钟\(mode.chinese)服务圈（\(Int(radius.rounded()))米）"
        case .metres(let metres): "\(Self.number(metres))米服务圈"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
