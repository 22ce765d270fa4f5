import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// `EconomyNameListing`, what `shockflow economy show` prints: each label's names and totals, checked
/// against sums computed here from the economy's arrays.
@Suite struct EconomyNameListingTests {
    static func twoRegion() throws -> Economy { try EconomyLoader.load(Fixtures.path("economies/two-region")).economy }

    @Test func regionAndSectorTotalsAreSumsOverTheirCells() throws {
        let economy = try Self.twoRegion()
        let regions = EconomyNameListing(economy: economy, kind: .regions)
        #expect(regions.header == ["code", "name", "aliases", "output", "value_added"])
        #expect(regions.rows.map(\.code) == ["north", "south"])
        // x.csv: north 95 + 100, south 70 + 80; va.csv: north 50 + 15 + 30 + 10, south 25 + 10 + 15 + 5.
        #expect(regions.rows.map(\.values) == [[195, 105], [150, 55]])
        for (r, row) in regions.rows.enumerated() {
            let cells = (0..<economy.sectorCount).map { economy.cellIndex(region: r, sector: $0) }
            let output = cells.map { economy.grossOutput[$0] }.reduce(0, +)
            let valueAdded = cells.map { economy.valueAdded[$0] }.reduce(0, +)
            #expect(row.values == [output, valueAdded])
        }
        let sectors = EconomyNameListing(economy: economy, kind: .sectors)
        #expect(sectors.rows.map(\.values) == [[165, 100], [180, 60]])
        #expect(sectors.rows.map(\.aliases) == [[], ["制造业"]])
        #expect(regions.groups == [.init(name: "all", codes: ["north", "south"])])
        #expect(sectors.groups == [.init(name: "goods", codes: ["agri", "manu"])])
    }

    @Test func productImportsAndCategoryTotals() throws {
        let economy = try Self.twoRegion()
        let products = EconomyNameListing(economy: economy, kind: .products)
        #expect(products.header == ["code", "name", "aliases", "imports"])
        // imports.csv: chips to north manu 5 and south manu 10 (the 2 bought by households is final use).
        #expect(products.rows == [.init(code: "chips", name: "Integrated circuits", aliases: [], values: [15])])
        let categories = EconomyNameListing(economy: economy, kind: .categories)
        #expect(categories.header == ["code", "name", "total"])
        // Y.csv: households 40 + 20 + 30 + 30 + 5, gfcf 15 + 0 + 10 + 25.
        #expect(categories.rows.map(\.values) == [[125], [50]])
        var total = [Double](repeating: 0, count: economy.finalDemandCategories.count)
        for (column, label) in economy.finalDemandColumns.enumerated() {
            total[label.category] += economy.finalDemand.column(column).reduce(0, +)
        }
        #expect(categories.rows.map { $0.values[0] } == total)
    }

    /// Names with commas are quoted, aliases joined by `|`, numbers in their exact shortest form.
    @Test func csvQuotesNamesAndJoinsAliases() throws {
        var economy = try Self.twoRegion()
        economy.regions[0].aliases = ["北方", "Bei Fang", "the \"north\""]
        #expect(EconomyNameListing(economy: economy, kind: .regions).rendered(as: .csv) == """
            code,name,aliases,output,value_added
            north,North,"北方|Bei Fang|the ""north\"\"",195,105
            south,South,,150,55

            """)
        #expect(EconomyNameListing(economy: economy, kind: .sectors).rendered(as: .csv) == """
            code,name,aliases,output,value_added
            agri,"Agriculture, forestry and fishing",,165,100
            manu,Manufacturing,制造业,180,60

            """)
        #expect(EconomyNameListing(economy: economy, kind: .categories).rendered(as: .csv) == """
            code,name,total
            households,Final consumption by households,125
            gfcf,Gross fixed capital formation,50

            """)
    }

    /// The table lines up its columns (Chinese characters two terminal columns wide), right-aligns the
    /// numbers with thousands separators, says the unit and lists the groups.
    @Test func tableIsAlignedForATerminal() throws {
        var economy = try Self.twoRegion()
        economy.grossOutput[0] = 1_234_567
        #expect(EconomyNameListing(economy: economy, kind: .sectors).rendered(as: .table) == """
            two-region: 2 sectors; output and value added in 10,000 yuan, summed over each sector's regions

            code  name                               aliases     output  value_added
            agri  Agriculture, forestry and fishing           1,234,637          100
            manu  Manufacturing                      制造业         180           60

            Groups (a scenario can name them as it names a sector):
              goods: agri, manu

            """)
        economy.importProducts = []
        #expect(EconomyNameListing(economy: economy, kind: .products).rendered(as: .table) == "economy two-region has no imported products\n")
        #expect(EconomyNameListing(economy: economy, kind: .products).rendered(as: .csv) == "code,name,aliases,imports\n")
    }

    /// china-2017: the regions' output adds up to the economy's, and so do the sectors'.
    @Test func chinaRegionTotalsAddUpToTheEconomy() throws {
        let economy = try EconomyLoader.load("china-2017").economy
        let total = economy.grossOutput.reduce(0, +), valueAdded = economy.valueAdded.reduce(0, +)
        for kind in [EconomyNameListing.Kind.regions, .sectors] {
            let listing = EconomyNameListing(economy: economy, kind: kind)
            #expect(listing.rows.count == (kind == .regions ? 31 : 42))
            #expect(isClose(listing.rows.map { $0.values[0] }.reduce(0, +), total, relative: 1e-12), "\(kind)")
            #expect(isClose(listing.rows.map { $0.values[1] }.reduce(0, +), valueAdded, relative: 1e-12), "\(kind)")
        }
        let regions = EconomyNameListing(economy: economy, kind: .regions)
        #expect(regions.rows.first { $0.code == "CN-NM" }?.aliases == ["内蒙古", "Nei Menggu"])
        let imports = try economy.totalIntermediateImports().reduce(0, +)
        let products = EconomyNameListing(economy: economy, kind: .products)
        #expect(isClose(products.rows.map { $0.values[0] }.reduce(0, +), imports, relative: 1e-12))
    }
}
