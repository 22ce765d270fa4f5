/// The range of the numbers an economy's files may hold.
///
/// An economy's values are multiplied by coefficients and by each other and summed over up to n²
/// terms (MODEL (1)–(24)). Below 10¹⁵⁰ in magnitude, a product of two values stays below 10³⁰⁰ and a
/// sum of millions of such products below Double's largest finite number (1.8·10³⁰⁸), so no result
/// overflows to infinity or NaN. Real tables are far inside: world gross output in the smallest money
/// unit in use (Indonesian rupiah, Vietnamese dong) is about 10¹⁹.
package enum EconomyValues {
    package static let largestMagnitude = 1e150
}

extension CSVReader {
    /// The field as a number of an economy table: finite (as `number`) and at most
    /// `EconomyValues.largestMagnitude` in magnitude.
    package func economyValue(_ field: Int) throws(DataFileError) -> Double {
        let value = try number(field)
        guard abs(value) <= EconomyValues.largestMagnitude else {
            throw DataFileError.valueOutOfRange(
                location(field: field), text: text(field), largestMagnitude: EconomyValues.largestMagnitude)
        }
        return value
    }
}
