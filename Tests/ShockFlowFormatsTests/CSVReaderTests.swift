import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

@Suite("CSV reader")
struct CSVReaderTests {
    /// All records of a file as text fields.
    private func records(_ text: String, separator: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        try withTemporaryDirectory { directory in
            var reader = try CSVReader(path: try writeFile(text, named: "t.csv", in: directory), separator: separator)
            var rows: [[String]] = []
            while try reader.nextRecord() { rows.append((0..<reader.fieldCount).map { reader.text($0) }) }
            return rows
        }
    }

    /// The error thrown while reading every field of `text` as numbers after the header.
    private func numberError(_ text: String) throws -> DataFileError? {
        try withTemporaryDirectory { directory in
            var reader = try CSVReader(path: try writeFile(text, named: "n.csv", in: directory))
            let header = try CSVHeader(reading: &reader)
            do {
                while try reader.nextRecord() {
                    try reader.requireFieldCount(header.names.count)
                    for field in 0..<reader.fieldCount { _ = try reader.number(field) }
                }
            } catch let error as DataFileError {
                return error
            }
            return nil
        }
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks")
    func quotedFields() throws {
        let rows = try records("code,name\nc1,\"Agriculture, hunting\"\nc2,\"say \"\"hi\"\"\"\nc3,\"two\nlines\"\n")
        #expect(rows == [["code", "name"], ["c1", "Agriculture, hunting"], ["c2", "say \"hi\""], ["c3", "two\nlines"]])
    }

    @Test("CRLF, no final newline, blank lines, byte-order mark and tabs")
    func lineEndings() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try records("\u{FEFF}a,b\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a\tb, c\n1\t2\n", separator: UInt8(ascii: "\t")) == [["a", "b, c"], ["1", "2"]])
        #expect(try records("a,,\n") == [["a", "", ""]])
    }

    @Test("line numbers count line breaks inside quoted fields and blank lines")
    func lineNumbers() throws {
        try withTemporaryDirectory { directory in
            var reader = try CSVReader(path: try writeFile("a,b\n1,\"two\nlines\"\n\n3,x\n", named: "l.csv", in: directory))
            var lines: [Int] = []
            while try reader.nextRecord() { lines.append(reader.line) }
            #expect(lines == [1, 2, 5])
        }
    }

    @Test("ragged row: file, line, expected and found field counts")
    func raggedRow() throws {
        let error = try numberError("a,b,c\n1,2,3\n4,5\n")
        guard case .raggedRow(let location, let expected, let found)? = error else {
            Issue.record("expected raggedRow, got \(String(describing: error))")
            return
        }
        #expect(location.line == 3 && expected == 3 && found == 2)
        #expect(error?.description.contains("n.csv, line 3: expected 3 fields, found 2") == true)
    }

    @Test("text, empty fields, NaN and infinity are refused with line and column")
    func badNumbers() throws {
        let text = try numberError("a,value\n1,2\n3,12abc\n")
        guard case .notANumber(let location, "12abc")? = text else {
            Issue.record("expected notANumber, got \(String(describing: text))")
            return
        }
        #expect(location.line == 3 && location.field == 2)
        #expect(text?.description.contains("line 3, column 2 (value): expected a number, found \"12abc\"") == true)
        for bad in ["NaN", "nan", "inf", "-Infinity"] {
            guard case .nonFiniteNumber(let location, bad)? = try numberError("a\n\(bad)\n") else {
                Issue.record("\(bad) should be refused as non-finite")
                continue
            }
            #expect(location.line == 2)
        }
        guard case .missingValue(let empty)? = try numberError("a,b\n1,\n") else {
            Issue.record("expected missingValue")
            return
        }
        #expect(empty.line == 2 && empty.field == 2)
    }

    @Test("empty file, unterminated quote, missing and unexpected columns")
    func structuralErrors() throws {
        try withTemporaryDirectory { directory in
            let empty = try writeFile("", named: "empty.csv", in: directory)
            #expect(throws: DataFileError.emptyFile(path: empty)) { try CSVReader(path: empty) }

            let open = try writeFile("a,b\n1,\"2\n", named: "open.csv", in: directory)
            var reader = try CSVReader(path: open)
            _ = try reader.nextRecord()
            #expect(throws: DataFileError.unterminatedQuote(FileLocation(path: open, line: 2, field: 2))) {
                try reader.nextRecord()
            }

            let columns = try writeFile("region,sectr,extra\n", named: "columns.csv", in: directory)
            var headerReader = try CSVReader(path: columns)
            let header = try CSVHeader(reading: &headerReader)
            do {
                try header.validate(required: ["region", "sector"], path: columns)
                Issue.record("expected missing column")
            } catch let error as DataFileError {
                let problems = error.problems
                #expect(problems.contains(.missingColumn(path: columns, column: "sector", header: ["region", "sectr", "extra"])))
                #expect(problems.contains {
                    if case .unexpectedColumn(let location, "extra", _) = $0 { return location.field == 3 }
                    return false
                })
                #expect(error.description.contains("missing column \"sector\""))
            }
        }
    }

    @Test("numbers parse to the same bits as the C library's strtod")
    func numbersMatchStrtod() throws {
        var generator = SplitMix64(seed: 42)
        var texts = ["0", "-0", "1e-05", "2.5E+20", "123456789012345678901234", "0.1", "4.9e-324", "1.7976931348623157e308",
                     "9007199254740993", "0.000000000000000000000000001", "+7", ".5", "5.", "1e22", "1e23", "3.14159"]
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 20) + 1
            var text = generator.next() % 2 == 0 ? "-" : ""
            for position in 0..<digits {
                if position == Int(generator.next() % UInt64(digits)) && !text.contains(".") { text += "." }
                text += String(generator.next() % 10)
            }
            if generator.next() % 3 == 0 { text += "e\(Int(generator.next() % 80) - 40)" }
            texts.append(text)
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { NumberParsing.parse($0.baseAddress!, count: bytes.count) }
            let reference = strtod(text, nil)
            #expect(parsed?.bitPattern == reference.bitPattern, "\(text)")
        }
    }

    @Test("a field certainly a finite decimal by its bytes parses to a finite number; other text is left to the parser")
    func certainlyFiniteDecimals() throws {
        func check(_ text: String) -> (certain: Bool, parsed: Double?) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return (false, nil) }
                return (NumberParsing.isCertainlyFiniteDecimal(base, count: bytes.count), NumberParsing.parse(base, count: bytes.count))
            }
        }
        for text in ["0", "-0", "12", "+7", ".5", "5.", "-1.5e-300", "2.5E+20", "1e298", "123456789012345678901234"] {
            #expect(check(text).certain, "\(text)")
        }
        for text in ["", "-", ".", "e5", "1e", "1e+", "1.0.0", "1e999", "1e300", "nan", "inf", "-inf", "0x1p3", "1 ", "1,5", "--1", "1e-"] {
            #expect(!check(text).certain, "\(text)")
        }
        #expect(check("0x1p3").parsed == nil, "hexadecimal floats are not decimal numbers")
        var generator = SplitMix64(seed: 9)
        let alphabet = Array("0123456789.eE+-x ")
        for _ in 0..<20_000 {
            let text = String((0..<Int(1 + generator.next() % 8)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let (certain, parsed) = check(text)
            if certain { #expect(parsed?.isFinite == true, "\(text)") }
        }
    }
}
