extension ScenarioSpec {
    /// The rules of the `ario` model that need no economy: it runs by day and only it does; its
    /// capacity and capital events need an `event` profile; `results` is its own section.
    func checkARIO(diagnostics: inout ScenarioDiagnostics) {
        let isARIO = model.type == .ario
        let periodPath = FieldPath.root.appending("horizon").appending("period")
        if isARIO, horizon.period != .day, !diagnostics.hasProblem(under: periodPath) {
            diagnostics.report("the ario model runs day by day: write `period: day` in `horizon`", at: periodPath)
        }
        if !isARIO, horizon.period == .day {
            diagnostics.report(
                "`day` periods are the ario model's; the \(model.type.rawValue) model runs in quarters or years (`quarter`, `year` "
                    + "or a number of years)", at: periodPath)
        }
        let resultsPath = FieldPath.root.appending("results")
        if !isARIO, diagnostics.wasWritten(resultsPath) {
            diagnostics.report("`results` applies to the ario model only; this scenario runs the \(model.type.rawValue) model", at: resultsPath)
        }
        for shock in shocks {
            let profilePath = shock.path.appending("profile")
            let isEvent = shock.profile.type == .event
            if isARIO, [.capacity, .capitalDestruction].contains(shock.kind), !isEvent, !diagnostics.hasProblem(under: profilePath) {
                diagnostics.report(
                    "under the ario model a \(shock.kind.rawValue) shock is one of BoARIO's events: give it "
                        + "`profile: {type: event, occurrence: …, recovery_tau: …}`", at: profilePath)
            }
            let rebuilds = shock.kind == .capitalDestruction && shock.capital.rebuild != nil
            if isEvent, shock.profile.event.recoveryTau == nil, !rebuilds, !diagnostics.hasProblem(under: profilePath) {
                diagnostics.report(
                    "missing `recovery_tau` (integer at least 1): the days over which the shock's effect recovers after its duration",
                    at: profilePath)
            }
        }
    }
}
