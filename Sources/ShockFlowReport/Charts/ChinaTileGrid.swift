/// China's 31 provinces as tiles on an 8 × 8 grid, each in its approximate geographic place (columns
/// west → east, rows north → south), as in the tile-grid maps of the Chinese press. Codes are ISO 3166-2:CN
/// as the china-2017 economy uses them.
enum ChinaTileGrid {
    struct Tile: Sendable, Equatable {
        var code: String
        var name: String
        /// A name short enough for a tile.
        var shortName: String
        var column: Int
        var row: Int
    }

    static let columns = 8
    static let rows = 8

    static let tiles: [Tile] = [
        Tile(code: "CN-HL", name: "Heilongjiang", shortName: "Heilongj.", column: 7, row: 0),
        Tile(code: "CN-XJ", name: "Xinjiang", shortName: "Xinjiang", column: 0, row: 1),
        Tile(code: "CN-NM", name: "Inner Mongolia", shortName: "Inner Mong.", column: 4, row: 1),
        Tile(code: "CN-BJ", name: "Beijing", shortName: "Beijing", column: 5, row: 1),
        Tile(code: "CN-LN", name: "Liaoning", shortName: "Liaoning", column: 6, row: 1),
        Tile(code: "CN-JL", name: "Jilin", shortName: "Jilin", column: 7, row: 1),
        Tile(code: "CN-QH", name: "Qinghai", shortName: "Qinghai", column: 1, row: 2),
        Tile(code: "CN-GS", name: "Gansu", shortName: "Gansu", column: 2, row: 2),
        Tile(code: "CN-NX", name: "Ningxia", shortName: "Ningxia", column: 3, row: 2),
        Tile(code: "CN-SX", name: "Shanxi", shortName: "Shanxi", column: 4, row: 2),
        Tile(code: "CN-HE", name: "Hebei", shortName: "Hebei", column: 5, row: 2),
        Tile(code: "CN-TJ", name: "Tianjin", shortName: "Tianjin", column: 6, row: 2),
        Tile(code: "CN-SN", name: "Shaanxi", shortName: "Shaanxi", column: 3, row: 3),
        Tile(code: "CN-HA", name: "Henan", shortName: "Henan", column: 4, row: 3),
        Tile(code: "CN-SD", name: "Shandong", shortName: "Shandong", column: 5, row: 3),
        Tile(code: "CN-XZ", name: "Tibet", shortName: "Tibet", column: 1, row: 4),
        Tile(code: "CN-SC", name: "Sichuan", shortName: "Sichuan", column: 2, row: 4),
        Tile(code: "CN-CQ", name: "Chongqing", shortName: "Chongqing", column: 3, row: 4),
        Tile(code: "CN-HB", name: "Hubei", shortName: "Hubei", column: 4, row: 4),
        Tile(code: "CN-AH", name: "Anhui", shortName: "Anhui", column: 5, row: 4),
        Tile(code: "CN-JS", name: "Jiangsu", shortName: "Jiangsu", column: 6, row: 4),
        Tile(code: "CN-SH", name: "Shanghai", shortName: "Shanghai", column: 7, row: 4),
        Tile(code: "CN-YN", name: "Yunnan", shortName: "Yunnan", column: 2, row: 5),
        Tile(code: "CN-GZ", name: "Guizhou", shortName: "Guizhou", column: 3, row: 5),
        Tile(code: "CN-HN", name: "Hunan", shortName: "Hunan", column: 4, row: 5),
        Tile(code: "CN-JX", name: "Jiangxi", shortName: "Jiangxi", column: 5, row: 5),
        Tile(code: "CN-ZJ", name: "Zhejiang", shortName: "Zhejiang", column: 6, row: 5),
        Tile(code: "CN-GX", name: "Guangxi", shortName: "Guangxi", column: 3, row: 6),
        Tile(code: "CN-GD", name: "Guangdong", shortName: "Guangdong", column: 4, row: 6),
        Tile(code: "CN-FJ", name: "Fujian", shortName: "Fujian", column: 5, row: 6),
        Tile(code: "CN-HI", name: "Hainan", shortName: "Hainan", column: 4, row: 7),
    ]

    static let names: [String: String] = Dictionary(uniqueKeysWithValues: tiles.map { ($0.code, $0.name) })

    /// Whether an economy's regions are exactly China's 31 provinces, so the tile map applies.
    static func covers(_ regionCodes: [String]) -> Bool {
        Set(regionCodes) == Set(tiles.map(\.code)) && regionCodes.count == tiles.count
    }
}
