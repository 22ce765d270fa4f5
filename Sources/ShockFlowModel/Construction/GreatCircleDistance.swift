import Foundation
import ShockFlowLinearAlgebra

/// A point on the Earth's surface in degrees (east longitude, north latitude).
public struct GeographicPoint: Sendable, Equatable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// The IUGG mean Earth radius, in km.
public let meanEarthRadiusKilometres = 6371.0088

/// Great-circle distance in km between two points (haversine formula on a sphere of mean radius).
public func greatCircleDistance(_ a: GeographicPoint, _ b: GeographicPoint) -> Double {
    let radians = Double.pi / 180
    let halfDeltaLatitude = (b.latitude - a.latitude) * radians / 2
    let halfDeltaLongitude = (b.longitude - a.longitude) * radians / 2
    let h = sin(halfDeltaLatitude) * sin(halfDeltaLatitude)
        + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(halfDeltaLongitude) * sin(halfDeltaLongitude)
    return 2 * meanEarthRadiusKilometres * asin(min(1, h.squareRoot()))
}

/// The symmetric matrix of great-circle distances (km) between all pairs of points.
public func greatCircleDistances(_ points: [GeographicPoint]) -> Matrix {
    var distances = Matrix(rows: points.count, columns: points.count)
    for i in points.indices {
        for j in points.indices where j > i {
            let distance = greatCircleDistance(points[i], points[j])
            distances[i, j] = distance
            distances[j, i] = distance
        }
    }
    return distances
}
