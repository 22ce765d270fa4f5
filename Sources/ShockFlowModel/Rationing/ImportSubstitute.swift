/// A domestic sector that can replace an imported product (MODEL section 3, substitution):
/// imported chips (product `product`) replaced by domestic electronics (sector `sector`),
/// optionally only by that sector's cells in some regions (soybeans by Heilongjiang's farms).
public struct ImportSubstitute: Hashable, Sendable {
    public var product: Int
    public var sector: Int
    /// The regions whose cells of `sector` may substitute; nil for every region.
    public var regions: [Int]?

    public init(product: Int, sector: Int, regions: [Int]? = nil) {
        self.product = product
        self.sector = sector
        self.regions = regions
    }

    /// The substitute cells (r, sector), region-major, ascending.
    func cells(regionCount: Int, sectorCount: Int) -> [Int] {
        (regions.map { Array(Set($0)).sorted() } ?? Array(0..<regionCount)).map { $0 * sectorCount + sector }
    }
}
