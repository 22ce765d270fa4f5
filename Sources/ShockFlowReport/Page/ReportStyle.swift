/// The report's stylesheet, inlined in the page: system fonts only (nothing fetched), print-friendly.
enum ReportStyle {
    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#1a1a1a;\
        background:#fff;margin:0 auto;max-width:1400px;padding:16px 28px;line-height:1.45}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
        h3{font-size:1em;margin:.2em 0 .4em}
        .subtitle{color:#444;margin-top:0}
        .charts{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
        figure.chart{margin:0;padding:10px 12px;border:1px solid #ddd;border-radius:6px;background:#fff}
        figure.chart figcaption{font-size:.85em;color:#333;max-width:640px;margin-top:4px}
        .small-multiples figure.chart figcaption{max-width:330px}
        svg{display:block;overflow:visible}
        svg text{font-family:inherit}
        .tick{font-size:10px}.axis-title{font-size:11px;font-weight:600}
        .axis{stroke:#333;stroke-width:1}.grid{stroke:#e4e4e4;stroke-width:1}.zero{stroke:#888;stroke-width:1}
        .tile-box{stroke:#fff;stroke-width:1}.tile-code{font-size:14px;font-weight:700}
        .tile-name{font-size:9.5px}.tile-value{font-size:10px}
        .bar-label,.bar-value,.flow-label,.legend-text{font-size:11px}.flow-label.strong{font-weight:700}
        .series-line,.legend-line{fill:none;stroke-width:2}.dashed{stroke-dasharray:5 4}
        .flow-band{opacity:.85;stroke:#fff;stroke-width:.5}.flow-band.highlighted{stroke:#1a1a1a;stroke-width:1.2}
        .ci{stroke:#1a1a1a;stroke-width:1.3}
        .point{fill:#4477aa;fill-opacity:.55;stroke:#1a1a1a;stroke-width:.3}
        table.figures{border-collapse:collapse;font-size:.9em}
        table.figures td,table.figures th{border-bottom:1px solid #e4e4e4;padding:3px 10px;text-align:left}
        table.figures td.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.ranges td{vertical-align:middle}table.ranges svg{margin:2px 0}
        .output-description{font-size:.85em;color:#555}
        ol.drivers{margin:0;padding-left:1.4em}ol.drivers .driver{font-weight:600}.driver-entry,.ci-text{white-space:nowrap}.ci-text{color:#555}
        .range-median-label{font-size:11px;font-weight:600}.range-median-value{font-weight:600}.range-band-value{font-size:.9em;color:#333}
        .note{background:#f6f6f6;border-left:4px solid #888;padding:6px 10px;font-size:.9em}
        footer{margin-top:2.5em;border-top:1px solid #ccc;font-size:.8em;color:#333}
        footer code{font-size:.95em;word-break:break-all}
        @media print{figure.chart{break-inside:avoid}}
        """
}
