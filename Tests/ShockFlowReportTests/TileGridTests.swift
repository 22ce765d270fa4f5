import Foundation
import Testing
@testable import ShockFlowReport

/// The tile map covers China's 31 provinces once each, in their approximate geographic places.
@Suite struct TileGridTests {
    /// The provinces of the china-2017 inputs: code, capital longitude and latitude.
    static func provinces() throws -> [(code: String, longitude: Double, latitude: Double)] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ShockFlowFormats/Resources/china-2017-inputs/provinces.csv")
        let lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: .newlines).filter { !$0.isEmpty }.dropFirst()
        return try lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let longitude = try #require(Double(fields[4])), latitude = try #require(Double(fields[5]))
            return (fields[0], longitude, latitude)
        }
    }

    @Test func everyProvinceHasExactlyOneTileAndTilesDoNotOverlap() throws {
        let codes = try Self.provinces().map(\.code)
        let tiles = ChinaTileGrid.tiles
        #expect(tiles.count == 31)
        #expect(tiles.map(\.code).sorted() == codes.sorted())
        #expect(Set(tiles.map(\.code)).count == 31)
        let places = Set(tiles.map { "\($0.column),\($0.row)" })
        #expect(places.count == 31, "two tiles share a place")
        #expect(tiles.allSatisfy { (0..<ChinaTileGrid.columns).contains($0.column) && (0..<ChinaTileGrid.rows).contains($0.row) })
        #expect(ChinaTileGrid.covers(codes))
        #expect(!ChinaTileGrid.covers(Array(codes.dropLast())))
    }

    /// Columns run west → east and rows north → south: Spearman's rank correlation of the tile's column
    /// with its capital's longitude and of its row with minus the latitude (provinces.csv) is high.
    @Test func tilesSitInTheirApproximateGeographicPlace() throws {
        let provinces = try Self.provinces()
        let tiles = Dictionary(uniqueKeysWithValues: ChinaTileGrid.tiles.map { ($0.code, $0) })
        let columns = try provinces.map { Double(try #require(tiles[$0.code]).column) }
        let rows = try provinces.map { Double(try #require(tiles[$0.code]).row) }
        let eastWest = Self.spearman(columns, provinces.map(\.longitude))
        let northSouth = Self.spearman(rows, provinces.map { -$0.latitude })
        #expect(eastWest > 0.9, "columns against longitude: \(eastWest)")
        #expect(northSouth > 0.8, "rows against latitude: \(northSouth)")
    }

    /// Spearman's ρ: Pearson's correlation of the ranks (ties get their mean rank).
    static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ values: [Double]) -> [Double] {
            values.map { value in
                let below = values.filter { $0 < value }.count, equal = values.filter { $0 == value }.count
                return Double(below) + Double(equal + 1) / 2
            }
        }
        let x = ranks(a), y = ranks(b)
        let meanX = x.reduce(0, +) / Double(x.count), meanY = y.reduce(0, +) / Double(y.count)
        let covariance = zip(x, y).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
        let spreadX = x.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +), spreadY = y.map { ($0 - meanY) * ($0 - meanY) }.reduce(0, +)
        return covariance / (spreadX * spreadY).squareRoot()
    }
}
