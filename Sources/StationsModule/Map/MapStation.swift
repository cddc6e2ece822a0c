/// A station as the map draws it.
struct MapStation: Sendable, Equatable {
    var code: String
    var name: String
    var kind: StationKind
    var point: GeoPoint
}
