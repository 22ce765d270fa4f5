import Plot

/// The HTML page of a sweep: the headline ranges (per output the median and 5–95 % band over the runs and
/// its top drivers), then per output a tornado chart of its sensitivity indices and a scatter plot of the
/// most influential parameter against the output; then provenance.
struct SweepReportPage {
    let results: SweepResults

    var html: HTML {
        let settings = results.manifest.root["sweep"]
        let name = settings?["name"]?.text ?? settings?.string ?? "sweep"
        let descriptions = results.manifest.parameters
        let runs = results.samples.values.first?.count ?? 0
        var tornadoes: [ChartFigure] = [], scatters: [ChartFigure] = []
        let money = MoneyText(
            unit: results.manifest.root["economy_metadata"]?["money_unit"]?.string ?? "", format: results.manifest.moneyFormat)
        for (position, output) in results.outputNames.enumerated() {
            guard let tornado = results.tornado(output: output), let top = tornado.rows.first else { continue }
            let (main, secondary) = SweepResults.rankingIndex(method: tornado.method)
            tornadoes.append(TornadoChart(
                id: "tornado-\(position)", output: output, method: tornado.method, mainIndex: main, secondaryIndex: secondary,
                rows: tornado.rows
            ).figure)
            // A group's indices are drawn against its first parameter.
            let groups = settings?["parameter_groups"]?.array.compactMap(\.string)
            let member = results.samples[top.parameter] != nil
                ? top.parameter
                : groups.flatMap { groups in Swift.zip(results.parameterNames, groups).first { $0.1 == top.parameter }?.0 } ?? top.parameter
            let xs = results.samples[member] ?? [], ys = results.outputs[output] ?? []
            // Money outputs in the currency when the manifest records it (`trillion yuan`).
            let isMoney = descriptions["output.\(output)"].map { SweepResults.isMoney(outputDescription: $0) } ?? false
            let yUnit = isMoney && money.format != nil ? ChartUnit.money(money, largest: ys.map(abs).max() ?? 0) : .plain("")
            scatters.append(ScatterChart(
                id: "scatter-\(position)", title: "\(output) against \(member)",
                xTitle: descriptions["parameter.\(member)"].map { "\(member): \($0)" } ?? member,
                yTitle: yUnit.name.isEmpty ? output : "\(output) (\(yUnit.name))",
                points: Array(zip(xs, ys)).map { (x: $0.0, y: $0.1) },
                caption: "One point per run (\(runs) runs). \(top.parameter == member ? member : "\(member)'s group \(top.parameter)") has the largest \(main) for \(output)"
                    + (descriptions["output.\(output)"].map { " (\($0))" } ?? "") + ". Both axes are in the units of the "
                    + "parameter and of the output. A clear trend or a narrowing band means the output follows that parameter.",
                yUnit: yUnit
            ).figure)
        }
        let design = ["method", "samples", "seed"].compactMap { key in settings?[key].map { "\(key) \($0.text)" } }
            .joined(separator: ", ")
        return ReportPage.document(
            title: "ShockFlow sweep report: \(name)",
            body: [
                .header(
                    .h1(.text("Sweep \(name)")),
                    .p(.class("subtitle"), .text(
                        "\(runs) runs · \(results.parameterNames.count) parameters (\(results.parameterNames.joined(separator: ", "))) · "
                            + "\(results.outputNames.count) outputs · design \(design)"))),
                HeadlineRangesSection(
                    ranges: results.headlineRanges(), money: money, design: settings?["method"]?.string,
                    confidenceLevel: settings?["confidence_level"]?.number ?? 0.95
                ).node,
                .section(.h2(.text("Which assumptions matter")), .div(.class("charts"), .group(tornadoes.map(\.node)))),
                .section(
                    .h2(.text("The most influential parameter against each output")),
                    .div(.class("charts"), .group(scatters.map(\.node)))),
                ReportPage.footer(manifest: results.manifest),
            ])
    }
}
