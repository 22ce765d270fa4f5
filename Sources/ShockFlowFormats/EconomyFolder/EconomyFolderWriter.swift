import ShockFlowModel

/// Saves an `Economy` as a ShockFlow economy folder (docs/economy-format.md).
///
/// Deterministic: the same economy gives the same bytes. Cells are written row-major, zeros
/// omitted. Value added goes to `va.csv`, by component when the economy has components (then the
/// total is their sum on reading). The folder appears whole or not at all.
public enum EconomyFolderWriter {
    /// - Parameter build: for a built table (`shockflow economy build`), its options, recorded in `economy.yaml`.
    public static func write(_ economy: Economy, to path: String, build: EconomyVariant? = nil) throws {
        let files = try contents(of: economy, build: build)
        try AtomicDirectory.write(to: path) { temporaryPath in
            for (name, bytes) in files { try AtomicFile.write(bytes, to: temporaryPath + "/" + name) }
        }
    }

    /// The folder's files as (name, bytes), in the order they are written.
    static func contents(of economy: Economy, build: EconomyVariant? = nil) throws -> [(name: String, bytes: [UInt8])] {
        let encoder = CSVTableWriter()
        let cells = (0..<economy.cellCount).map { index -> [UInt8] in
            let cell = economy.cell(index)
            return encoder.encodedLabels([economy.regions[cell.region].code, economy.sectors[cell.sector].code])
        }
        let demandColumns = economy.finalDemandColumns.map { column in
            (region: economy.regions[column.region].code, category: economy.finalDemandCategories[column.category].code)
        }
        var files: [(name: String, bytes: [UInt8])] = [
            (EconomyFolderReader.manifestFile, Array(try ManifestWriter.yaml(for: economy, build: build).utf8))
        ]

        var intermediate = CSVTableWriter(header: ["from_region", "from_sector", "to_region", "to_sector", "value"])
        let flows = economy.intermediateFlows
        for from in cells.indices {
            for to in cells.indices where flows[from, to] != 0 {
                intermediate.appendRow(encodedLabels: cells[from], cells[to], value: flows[from, to])
            }
        }
        files.append(("Z.csv", intermediate.bytes))

        var finalDemand = CSVTableWriter(header: ["from_region", "from_sector", "to_region", "category", "value"])
        let destinations = demandColumns.map { encoder.encodedLabels([$0.region, $0.category]) }
        for from in cells.indices {
            for column in destinations.indices where economy.finalDemand[from, column] != 0 {
                finalDemand.appendRow(encodedLabels: cells[from], destinations[column], value: economy.finalDemand[from, column])
            }
        }
        files.append(("Y.csv", finalDemand.bytes))

        if !economy.importProducts.isEmpty {
            var imports = CSVTableWriter(header: ["product", "to_region", "to_sector", "category", "value"])
            let intermediateUse = encoder.encodedLabels([""])
            let finalUse = demandColumns.map { encoder.encodedLabels([$0.region, "", $0.category]) }
            for (product, label) in economy.importProducts.enumerated() {
                let code = encoder.encodedLabels([label.code])
                for to in cells.indices where economy.intermediateImports[product, to] != 0 {
                    imports.appendRow(encodedLabels: code, cells[to] + intermediateUse, value: economy.intermediateImports[product, to])
                }
                for column in finalUse.indices where economy.finalDemandImports[product, column] != 0 {
                    imports.appendRow(encodedLabels: code, finalUse[column], value: economy.finalDemandImports[product, column])
                }
            }
            files.append(("imports.csv", imports.bytes))
        }

        if economy.valueAddedComponents.isEmpty {
            var valueAdded = CSVTableWriter(header: ["region", "sector", "value"])
            for cell in cells.indices where economy.valueAdded[cell] != 0 {
                valueAdded.appendRow(encodedLabels: cells[cell], value: economy.valueAdded[cell])
            }
            files.append(("va.csv", valueAdded.bytes))
        } else {
            var valueAdded = CSVTableWriter(header: ["region", "sector", "component", "value"])
            let components = economy.valueAddedComponents.sorted { $0.key < $1.key }
                .map { (name: encoder.encodedLabels([$0.key]), values: $0.value) }
            for cell in cells.indices {
                for component in components where cell < component.values.count && component.values[cell] != 0 {
                    valueAdded.appendRow(encodedLabels: cells[cell], component.name, value: component.values[cell])
                }
            }
            files.append(("va.csv", valueAdded.bytes))
        }

        var output = CSVTableWriter(header: ["region", "sector", "output"])
        for cell in cells.indices where economy.grossOutput[cell] != 0 {
            output.appendRow(encodedLabels: cells[cell], value: economy.grossOutput[cell])
        }
        files.append(("x.csv", output.bytes))
        return files
    }
}
