import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

@Suite("CSV writer, number formatting and atomic output")
struct CSVWriterTests {
    @Test("whole numbers without a decimal point, other values in the shortest round-trip form")
    func formatting() {
        #expect(NumberFormatting.shortest(5) == "5")
        #expect(NumberFormatting.shortest(-12) == "-12")
        #expect(NumberFormatting.shortest(-0.0) == "0")
        #expect(NumberFormatting.shortest(1e15) == "1000000000000000")
        #expect(NumberFormatting.shortest(0.1) == "0.1")
        #expect(NumberFormatting.shortest(1234.5678) == "1234.5678")
        #expect(NumberFormatting.shortest(1e-7) == "1e-07")
        #expect(NumberFormatting.shortest(2.5e20) == "2.5e+20")
        #expect(NumberFormatting.shortest(9_007_199_254_740_994) == "9007199254740994")
        #expect(NumberFormatting.shortest(1e16) == "1e+16")
        #expect(NumberFormatting.shortest(-1.2345678901234568e20) == "-1.2345678901234568e+20")
    }

    @Test("a NaN or infinity in a table is located (line, column, row) so that its writer can refuse it")
    func nonFiniteFigureIsLocated() throws {
        var table = CSVTableWriter(header: ["region", "sector", "output", "value_added"])
        table.appendRow(labels: ["north", "agri"], values: [95, 65])
        try table.requireFinite(path: "out/output.csv")
        table.appendRow(labels: ["north", "manu, other"], values: [100, .infinity])
        table.appendRow(labels: ["south", "agri"], values: [.nan, 1])
        #expect(throws: DataFileError.nonFiniteResult(
            FileLocation(path: "out/output.csv", line: 3, field: 4, fieldName: "value_added"), value: .infinity,
            rowStart: "north,\"manu, other\",100,")) {
            try table.requireFinite(path: "out/output.csv")
        }
        let message = DataFileError.nonFiniteResult(
            FileLocation(path: "out/output.csv", line: 3, field: 4, fieldName: "value_added"), value: .infinity,
            rowStart: "north,agri,100,").description
        #expect(message.hasPrefix("out/output.csv, line 3, column 4 (value_added): a result came out inf, not a finite number"))
        #expect(message.hasSuffix("so nothing was written"))
    }

    @Test("every written number reads back to the same double (strtod)")
    func roundTrip() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = NumberFormatting.shortest(value)
            #expect(strtod(text, nil) == value, "\(value) written as \(text)")
        }
        for whole in [0.0, 1, -1, 42, 1e10, -123_456_789] {
            #expect(strtod(NumberFormatting.shortest(whole), nil) == whole)
        }
    }

    @Test("labels are quoted only when needed; rows read back through the CSV reader")
    func tableLayout() throws {
        var table = CSVTableWriter(header: ["code", "name", "value"])
        table.appendRow(labels: ["c1", "Agriculture, hunting"], values: [1.5])
        table.appendRow(labels: ["c2", "say \"hi\""], values: [3])
        table.appendRow(labels: [" c3"], values: [1e-9, 2])
        let text = String(decoding: table.bytes, as: UTF8.self)
        #expect(text == "code,name,value\nc1,\"Agriculture, hunting\",1.5\nc2,\"say \"\"hi\"\"\",3\n\" c3\",1e-09,2\n")
        try withTemporaryDirectory { directory in
            try table.write(to: directory + "/t.csv")
            var reader = try CSVReader(path: directory + "/t.csv")
            var names: [String] = []
            while try reader.nextRecord() { names.append(reader.text(0) + "|" + reader.text(1)) }
            #expect(names == ["code|name", "c1|Agriculture, hunting", "c2|say \"hi\"", " c3|1e-09"])
        }
    }

    @Test("an atomic file write replaces the old file and leaves no temporary file")
    func atomicFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/out.csv"
            try AtomicFile.write("old\n", to: path)
            try AtomicFile.write("new\n", to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
            #expect(throws: DataFileError.self) { try AtomicFile.write("x", to: directory + "/missing/out.csv") }
        }
    }

    @Test("an atomic folder write replaces the folder whole, or changes nothing when it fails")
    func atomicDirectory() throws {
        struct Interrupted: Error {}
        try withTemporaryDirectory { directory in
            let target = directory + "/results/run"
            try AtomicDirectory.write(to: target) { temporary in
                try AtomicFile.write("1\n", to: temporary + "/a.csv")
                try AtomicFile.write("2\n", to: temporary + "/b.csv")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["a.csv", "b.csv"])

            #expect(throws: Interrupted.self) {
                try AtomicDirectory.write(to: target) { temporary in
                    try AtomicFile.write("3\n", to: temporary + "/c.csv")
                    throw Interrupted()
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["a.csv", "b.csv"])

            try AtomicDirectory.write(to: target) { temporary in
                try AtomicFile.write("4\n", to: temporary + "/d.csv")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["d.csv"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/results") == ["run"])
        }
    }
}
