import Foundation

extension ModelKind {
    /// The shock kinds the model responds to; a shock of another kind is an error, not ignored.
    var usedShockKinds: [ShockKind] {
        switch self {
        case .dynamic: [.capacity, .import, .export, .demand, .investment, .importPrice, .cost]
        case .leontief, .iim, .diim: [.demand, .export, .importPrice, .cost]
        case .ghosh: [.capacity, .import, .importPrice, .cost]
        case .extraction: []
        case .ario: [.capacity, .import, .export, .demand, .capitalDestruction]
        }
    }

    /// Static models have no time: profiles and the investment sections mean nothing to them.
    var isStatic: Bool { self != .dynamic && self != .diim && self != .ario }
}

extension ScenarioSpec {
    /// Checks across fields that need no economy, and reads `series` CSV files (relative to `directory`).
    mutating func checkConsistency(directory: URL, file: String, diagnostics: inout ScenarioDiagnostics) {
        checkModel(diagnostics: &diagnostics)
        checkARIO(diagnostics: &diagnostics)
        checkShockIdentifiers(diagnostics: &diagnostics)
        if !diagnostics.hasProblem(under: FieldPath.root.appending("horizon")) {
            for index in shocks.indices {
                shocks[index].profile.check(periods: horizon.periods, directory: directory, file: file, diagnostics: &diagnostics)
            }
        }
        investment.check(diagnostics: &diagnostics)
        if model.type == .dynamic { plan?.readTable(directory: directory, file: file, diagnostics: &diagnostics) }
    }

    private func checkModel(diagnostics: inout ScenarioDiagnostics) {
        let kind = model.type
        if kind != .dynamic {
            for section in ["investment", "priorities", "plan", "strategic", "critical_inputs", "substitution"] {
                let path = FieldPath.root.appending(section)
                if diagnostics.wasWritten(path) {
                    diagnostics.report("`\(section)` applies to the dynamic model only; this scenario runs the \(kind.rawValue) model", at: path)
                }
            }
        }
        let used = kind.usedShockKinds
        let shocksPath = FieldPath.root.appending("shocks")
        if kind == .extraction, !shocks.isEmpty {
            diagnostics.report("the extraction model takes no shocks: it removes the cells named in `model`", at: shocksPath)
            return
        }
        if kind != .dynamic, kind != .ario, kind != .extraction, shocks.isEmpty, !diagnostics.hasProblem(under: shocksPath) {
            let kinds = used.map(\.rawValue).joinedAsAlternatives()
            diagnostics.report(
                "the \(kind.rawValue) model computes the response to shocks: give at least one \(kinds) shock", at: shocksPath)
        }
        for shock in shocks {
            checkTargets(of: shock, diagnostics: &diagnostics)
            if !used.contains(shock.kind) {
                diagnostics.report(
                    "a \(shock.kind.rawValue) shock has no effect in the \(kind.rawValue) model, which uses "
                        + used.map(\.rawValue).joinedAsAlternatives() + " shocks", at: shock.path.appending("kind"))
            }
            let profilePath = shock.path.appending("profile")
            if kind.isStatic, diagnostics.wasWritten(profilePath) {
                diagnostics.report(
                    "the \(kind.rawValue) model is static: a profile has no effect (the shock acts at full strength); remove it",
                    at: profilePath)
            }
        }
    }

    /// An empty selector list selects nothing; a shock needs something to act on.
    private func checkTargets(of shock: ShockSpec, diagnostics: inout ScenarioDiagnostics) {
        let targets: [(field: String, selector: Selector)]
        switch shock.kind {
        case .capacity, .export, .capitalDestruction: targets = [("regions", shock.regions), ("sectors", shock.sectors)]
        case .import: targets = [("products", shock.products)]
        case .importPrice: targets = [("products", shock.products), ("regions", shock.regions)]
        case .cost: targets = [("regions", shock.regions), ("sectors", shock.sectors), ("components", shock.components)]
        case .demand: targets = [("regions", shock.regions), ("sectors", shock.sectors), ("categories", shock.categories)]
        case .investment: targets = []
        }
        for target in targets where target.selector.terms.isEmpty {
            diagnostics.report(
                "the list is empty, so the shock would act on nothing: name at least one, or remove the shock",
                at: shock.path.appending(target.field))
        }
    }

    private func checkShockIdentifiers(diagnostics: inout ScenarioDiagnostics) {
        var firstUse: [String: FieldPath] = [:]
        for shock in shocks {
            let path = shock.path.appending("id")
            guard !diagnostics.hasProblem(under: path) else { continue }
            if let first = firstUse[shock.id] {
                let line = diagnostics.location(of: first).map { " (first used on line \($0.line))" } ?? ""
                diagnostics.report("duplicate shock id `\(shock.id)`\(line); ids must be unique", at: path)
            } else {
                firstUse[shock.id] = path
            }
        }
    }
}

extension ProfileSpec {
    /// The profile against the horizon; a `series` file is read here and its values kept.
    mutating func check(periods: Int, directory: URL, file: String, diagnostics: inout ScenarioDiagnostics) {
        if type != .series, start >= periods {
            diagnostics.report(
                "start \(start) is beyond the horizon (periods run from 0 to \(periods - 1))", at: path.appending("start"))
        }
        switch type {
        case .step, .ramp:
            if let end, end < start {
                diagnostics.report("end \(end) is before start \(start)", at: path.appending("end"))
            }
        case .recovery:
            break
        case .event:
            if event.occurrence >= periods {
                diagnostics.report(
                    "occurrence \(event.occurrence) is beyond the horizon (periods run from 0 to \(periods - 1))",
                    at: path.appending("occurrence"))
            }
        case .series:
            switch (values, self.file) {
            case (let written?, nil):
                if written.count != periods {
                    diagnostics.report(
                        "has \(written.count) value\(written.count == 1 ? "" : "s"); the horizon has \(periods) periods",
                        at: path.appending("values"))
                }
            case (nil, let relative?):
                let url = URL(fileURLWithPath: relative, relativeTo: directory).standardizedFileURL
                let shown = (file as NSString).deletingLastPathComponent
                let display = relative.hasPrefix("/") || shown.isEmpty ? relative : "\(shown)/\(relative)"
                values = SeriesFile.read(url, shownAs: display, periods: periods, field: path.appending("file"), diagnostics: &diagnostics)
            default:
                break  // neither or both: reported by the schema
            }
        }
    }
}

extension InvestmentSpec {
    /// λ's lower bound without caps (MODEL (23)) and the regional bounds' own consistency.
    func check(diagnostics: inout ScenarioDiagnostics) {
        let minimumLambda = 0.05
        if lambda < minimumLambda, !diagnostics.wasWritten(path.appending("caps")) {
            diagnostics.report(
                "lambda \(JSONValue.format(lambda)) is below \(minimumLambda) without `caps`: the weights can collapse onto one "
                    + "cell (MODEL (23)); raise lambda or write `caps`", at: path.appending("lambda"))
        }
        for bound in regionalBounds where bound.regions.terms.isEmpty && bound.minimum > 0 {
            diagnostics.report(
                "`regions` is empty, so no weight can meet the minimum \(JSONValue.format(bound.minimum)): name regions or remove the bound",
                at: bound.path.appending("regions"))
        }
        for bound in regionalBounds where bound.minimum > bound.maximum {
            diagnostics.report(
                "minimum \(JSONValue.format(bound.minimum)) is above maximum \(JSONValue.format(bound.maximum))", at: bound.path)
        }
        let minimums = regionalBounds.map(\.minimum).reduce(0, +)
        if minimums > 1 {
            diagnostics.report(
                "the regional minimums add up to \(JSONValue.format(minimums)), above 1: no weights can meet them",
                at: path.appending("regional_bounds"))
        }
    }
}
