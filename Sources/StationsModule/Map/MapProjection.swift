import Foundation

/// Places a box of the earth on a drawing: an equirectangular projection around the box's
/// middle latitude, with metres the same length both ways (true to scale for a district).
struct MapProjection: Sendable {
    /// The box drawn.
    var box: GeoBox
    /// Pixels per metre.
    var scale: Double
    /// Where the box's north-west corner goes.
    var origin: (x: Double, y: Double)

    /// A projection drawing `box` `width` pixels wide with its north-west corner at `origin`.
    init(box: GeoBox, width: Double, origin: (x: Double, y: Double)) {
        self.box = box
        self.scale = width / max(box.widthMetres, 1)
        self.origin = origin
    }

    /// The drawing's width and height of the box in pixels.
    var size: (width: Double, height: Double) { (box.widthMetres * scale, box.heightMetres * scale) }

    /// Where `point` goes.
    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        (
            origin.x + (point.longitude - box.west) * box.metresPerDegreeOfLongitude * scale,
            origin.y + (box.north - point.latitude) * GeoBox.metresPerDegree * scale
        )
    }

    /// `metres` in pixels.
    func pixels(_ metres: Double) -> Double { metres * scale }
}
