import ShockFlowModel
import Yams

/// Writes `economy.yaml` for an economy: keys in a fixed order, groups sorted by name, so the
/// same economy always gives the same bytes.
enum ManifestWriter {
    /// - Parameter build: the options a built table was built with, written as `build` with the table's SHA-256.
    static func yaml(for economy: Economy, build: EconomyVariant? = nil) throws -> String {
        let metadata = economy.metadata
        var pairs: [(Node, Node)] = [(text("name"), text(metadata.name))]
        if let year = metadata.year { pairs.append((text("year"), Node(String(year)))) }
        pairs.append((text("money_unit"), text(metadata.moneyUnit)))
        if let currency = metadata.currency {
            pairs.append((text("currency"), text(currency.code)))
            pairs.append((text("scale"), Node(NumberFormatting.shortest(currency.scale))))
        }
        if let rounding = metadata.rounding { pairs.append((text("rounding"), Node(NumberFormatting.shortest(rounding)))) }
        if !metadata.source.isEmpty { pairs.append((text("source"), text(metadata.source))) }
        pairs.append((text("regions"), labels(economy.regions)))
        pairs.append((text("sectors"), labels(economy.sectors)))
        pairs.append((text("final_demand_categories"), labels(economy.finalDemandCategories)))
        if !economy.importProducts.isEmpty { pairs.append((text("import_products"), labels(economy.importProducts))) }
        if !metadata.regionGroups.isEmpty { pairs.append((text("region_groups"), groups(metadata.regionGroups))) }
        if !metadata.sectorGroups.isEmpty { pairs.append((text("sector_groups"), groups(metadata.sectorGroups))) }
        if let build {
            let options = build.options.map { (text($0.name), Node($0.value)) }
            pairs.append((text("build"), Node([
                (text("recipe"), text(build.recipe)), (text("options"), Node(options)),
                (text("table_sha256"), text(EconomyTableDigest.sha256(economy))),
            ])))
        }
        do {
            return try Yams.serialize(node: Node(pairs), width: -1, allowUnicode: true)
        } catch {
            throw DataFileError.writeFailed(path: EconomyFolderReader.manifestFile, reason: "\(error)")
        }
    }

    /// A string scalar, quoted when YAML would otherwise read it as a number, boolean or null.
    private static func text(_ value: String) -> Node { .scalar(value.represented()) }

    private static func labels(_ labels: [Label]) -> Node {
        Node(labels.map { label in
            var pairs: [(Node, Node)] = [(text("code"), text(label.code))]
            if label.name != label.code { pairs.append((text("name"), text(label.name))) }
            if !label.aliases.isEmpty { pairs.append((text("aliases"), Node(label.aliases.map(text), Tag(.seq), .flow))) }
            return Node(pairs)
        })
    }

    private static func groups(_ groups: [String: [String]]) -> Node {
        Node(groups.keys.sorted().map { name in
            (text(name), Node((groups[name] ?? []).map(text), Tag(.seq), .flow))
        })
    }
}
