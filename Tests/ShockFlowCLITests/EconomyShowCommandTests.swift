import Foundation
import ShockFlowFormats
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// `shockflow economy show`: what a scenario can name, with totals, run as a user would run it.
@Suite struct EconomyShowCommandTests {
    @Test func twoRegionFixtureAsCSV() throws {
        let folder = Fixtures.path("economies/two-region")
        let regions = try CommandRunner.run(["economy", "show", folder, "--regions", "--format", "csv"])
        #expect(regions.exitCode == 0, "\(regions.standardError)")
        #expect(regions.standardOutput == "code,name,aliases,output,value_added\nnorth,North,北方,195,105\nsouth,South,,150,55\n")
        #expect(regions.standardError.isEmpty)
        let sectors = try CommandRunner.run(["economy", "show", folder, "--sectors", "--format", "csv"])
        #expect(sectors.standardOutput == """
            code,name,aliases,output,value_added
            agri,"Agriculture, forestry and fishing",,165,100
            manu,Manufacturing,制造业,180,60

            """)
        let products = try CommandRunner.run(["economy", "show", folder, "--products", "--format", "csv"])
        #expect(products.standardOutput == "code,name,aliases,imports\nchips,Integrated circuits,,15\n")
        let categories = try CommandRunner.run(["economy", "show", folder, "--categories", "--format", "csv"])
        #expect(categories.standardOutput == "code,name,total\nhouseholds,Final consumption by households,125\ngfcf,Gross fixed capital formation,50\n")
    }

    /// china-2017 (the default economy): each region's row holds the sums of its cells' output and value
    /// added, computed here from the economy's arrays; together they make the economy's total output.
    @Test func chinaRegionsAddUpToTheEconomy() throws {
        let result = try CommandRunner.run(["economy", "show", "--regions", "--format", "csv"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["code", "name", "aliases", "output", "value_added"])
        let rows = lines.dropFirst()
        #expect(rows.count == 31)
        let economy = try EconomyLoader.load("china-2017").economy
        for (r, row) in rows.enumerated() {
            let cells = (0..<economy.sectorCount).map { economy.cellIndex(region: r, sector: $0) }
            #expect(row[0] == economy.regions[r].code)
            #expect(isClose(try #require(Double(row[3])), cells.map { economy.grossOutput[$0] }.reduce(0, +), relative: 1e-14))
            #expect(isClose(try #require(Double(row[4])), cells.map { economy.valueAdded[$0] }.reduce(0, +), relative: 1e-14))
        }
        let output = rows.map { Double($0[3]) ?? .nan }.reduce(0, +)
        #expect(isClose(output, economy.grossOutput.reduce(0, +), relative: 1e-12))
        #expect(rows.first { $0[0] == "CN-NM" }?[2] == "内蒙古|Nei Menggu")
    }

    @Test func tableIsTheDefaultFormat() throws {
        let result = try CommandRunner.run(["economy", "show", "--sectors"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first == "china-2017: 42 sectors; output and value added in 10,000 yuan (万元), summed over each sector's regions")
        #expect(lines.contains { $0.hasPrefix("14    Smelting and processing of metals ") })
        #expect(lines.count == 2 + 42)
    }

    /// Exactly one of the four kinds, a known format, an economy that loads: usage errors exit 2, a
    /// load failure 1, and nothing is printed on standard output.
    @Test(arguments: [
        (["economy", "show"], Int32(2), "say what to list: one of --regions, --sectors, --products or --categories"),
        (["economy", "show", "--regions", "--sectors"], 2, "'--sectors' had already been set with flag '--regions'"),
        (["economy", "show", "--regions", "--format", "xml"], 2, "Please provide one of 'table', 'csv' or 'markdown'"),
        (["economy", "show", "no-such-economy", "--regions"], 1, "shockflow: error: \"no-such-economy\" is neither a file or folder"),
    ])
    func usageErrors(arguments: [String], exitCode: Int32, message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.exitCode == exitCode)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    /// docs/sectors.md holds the sector table exactly as `economy show --sectors --format markdown` prints it.
    @Test func sectorDocumentIsTheGeneratedListing() throws {
        let result = try CommandRunner.run(["economy", "show", "china-2017", "--sectors", "--format", "markdown"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let docs = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/sectors.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "<!-- listing: generated by `shockflow economy show china-2017 --sectors --format markdown` -->\n"))
        let end = try #require(docs.range(of: "<!-- end of listing -->", range: start.upperBound..<docs.endIndex))
        #expect(String(docs[start.upperBound..<end.lowerBound]) == result.standardOutput, "regenerate the listing in docs/sectors.md")
    }
}
