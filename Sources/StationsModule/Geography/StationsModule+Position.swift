import WorkbenchKit

extension StationsModule {
    /// `lat=`, `lon=` and `crs=`: a place given in WGS-84 or GCJ-02 degrees.
    static func positionArguments(required: Bool, what: String) -> [ArgumentSpec] {
        let latitude = "Latitude of \(what) in degrees (WGS-84, or GCJ-02 with crs=gcj02)"
        let longitude = "Longitude of \(what) in degrees"
        return [
            required ? .required("lat", .latitude, help: latitude, label: "纬度") : .optional("lat", .latitude, help: latitude, label: "纬度"),
            required ? .required("lon", .longitude, help: longitude, label: "经度") : .optional("lon", .longitude, help: longitude, label: "经度"),
            .optional(
                "crs", .enumeration(CoordinateSystem.allCases.map(\.rawValue)), default: "wgs84",
                help: "The datum of lat= and lon=: wgs84 (GPS, OpenStreetMap) or gcj02 (Amap 高德, Tencent maps), converted to WGS-84"
            ),
        ]
    }

    /// The WGS-84 point of `lat=` and `lon=` (converted from `crs=`), nil when neither is
    /// given, or a 400 when only one is.
    static func position(_ arguments: Arguments) throws -> GeoPoint? {
        let latitude = arguments.optionalDegrees("lat"), longitude = arguments.optionalDegrees("lon")
        guard let latitude, let longitude else {
            if latitude != nil || longitude != nil {
                throw WorkbenchError.invalidArgument(
                    latitude == nil ? "lat" : "lon", code: StationsErrorCode.positionIncomplete, "a place needs both lat= and lon="
                )
            }
            return nil
        }
        let system = CoordinateSystem(rawValue: try arguments.string("crs")) ?? .wgs84
        return system.wgs84(GeoPoint(latitude: latitude, longitude: longitude))
    }
}
