import ShockFlowModel

/// How much evidence a province's tilts rest on: the rows it uses by grade, and whether any of them is
/// better than weak (a P or S row that is not a context row).
public struct PlanRegionEvidence: Sendable, Equatable {
    public enum Strength: String, Sendable, Equatable {
        case noRows = "no rows"
        case noneUsed = "no row used"
        /// Every row used is grade L.
        case lowGradeOnly = "weak: L rows only"
        /// Every row used is a context row (a pre-plan statement).
        case contextOnly = "weak: context rows only"
        case lowGradeAndContextOnly = "weak: L and context rows only"
        /// One P or S row of the plan itself.
        case thin = "thin: one P/S row"
        case supported = ""
    }

    /// The province's index, or nil for the national layer.
    public var region: Int?
    public var code: String
    public var name: String
    /// Rows of the table for the province, and of those the rows that add tilt, by grade.
    public var rows: Int
    public var used: [EvidenceGrade: Int]
    public var strength: Strength

    public var usedCount: Int { used.values.reduce(0, +) }
    public var isWeak: Bool { [.lowGradeOnly, .contextOnly, .lowGradeAndContextOnly].contains(strength) }
}

extension ResolvedPlan {
    /// One entry per region of the economy (in its order), then the national layer.
    public func evidence(regionLabels: [Label]) -> [PlanRegionEvidence] {
        var byRegion = [[Row]](repeating: [], count: regionLabels.count)
        var national: [Row] = []
        for row in rows {
            if let region = row.region { byRegion[region].append(row) } else { national.append(row) }
        }
        let provinces = regionLabels.indices.map { region in
            Self.evidence(byRegion[region], region: region, code: regionLabels[region].code, name: regionLabels[region].name)
        }
        return provinces + [Self.evidence(national, region: nil, code: PlanTable.nationalRegion, name: "national layer")]
    }

    private static func evidence(_ rows: [Row], region: Int?, code: String, name: String) -> PlanRegionEvidence {
        let used = rows.filter { $0.use == .used }
        var byGrade: [EvidenceGrade: Int] = [:]
        for row in used { byGrade[row.row.grade, default: 0] += 1 }
        let context = used.filter(\.row.isContext).count
        let strong = used.filter { $0.row.grade != .L && !$0.row.isContext }.count
        let strength: PlanRegionEvidence.Strength
        if rows.isEmpty {
            strength = .noRows
        } else if used.isEmpty {
            strength = .noneUsed
        } else if strong == 0 {
            strength = context == 0 ? .lowGradeOnly : (context == used.count ? .contextOnly : .lowGradeAndContextOnly)
        } else {
            strength = strong == 1 ? .thin : .supported
        }
        return PlanRegionEvidence(
            region: region, code: code, name: name, rows: rows.count, used: byGrade, strength: strength)
    }
}
