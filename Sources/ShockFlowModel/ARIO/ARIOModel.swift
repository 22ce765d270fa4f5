import ShockFlowLinearAlgebra

/// The ARIO model (Hallegatte 2008; BoARIO 0.7.2's `ARIOPsiModel`, docs/ario.md) on one economy:
/// the daily flows and coefficients every scenario shares. Scenarios differ in parameters and
/// events and run in lockstep as the columns of n × N matrices (`run`).
///
/// Industries are the economy's cells, region-major (i = r·S + s); a product is a sector, bought
/// from any region. Daily values are the annual table divided by 365 (A1).
public struct ARIOModel: Sendable {
    public let regions: [Label]
    public let sectors: [Label]
    public var regionCount: Int { regions.count }
    public var sectorCount: Int { sectors.count }
    public var industryCount: Int { regions.count * sectors.count }

    /// X⁰ = x / 365 (A1).
    public let dailyOutput: [Double]
    /// Y⁰·1 = (Y / 365)·1, every final-demand column (negative inventory changes included) (A1).
    public let dailyFinalDemand: [Double]
    /// Z⁰ = Z / 365 split by product: block p is R × n, its row r the sales of industry (r, p) (A1, A21).
    let dailyFlowsByProduct: [Matrix]
    /// A_C (n × S): [j, p] = Σ_r Z[(r, p), j] / x_j, the inputs of product p per unit of j's output (A3).
    let inputCoefficients: Matrix
    /// A_C where product p counts in j's inventory constraint (A3), Σ_r Z[(r, p), j] > 1e-5·X⁰_j, and 0
    /// elsewhere (n × S): the coefficients of the inventory needed (A12).
    let constrainingCoefficients: Matrix
    /// v = max(0, x − Zᵀ1), BoARIO's value added (imports included) (A2).
    public let valueAdded: [Double]
    /// Z, annual: the shares of a rebuilding demand among regions (A7).
    let annualFlows: Matrix
    /// Y, annual, by column: what export and demand shocks scale (A25).
    let annualFinalDemand: Matrix
    /// The economy's imported products (P of them).
    public let importProducts: [Label]
    /// Aᵐ (P × n): [p, j] = M[p, j] / x_j, imported inputs per unit of output (A26).
    public let importCoefficients: Matrix
    /// P × n: whether imported p counts in j's inventory constraint (A26): M[p, j] > 1e-5·X⁰_j.
    let constrainingImport: [Bool]

    /// The year divided into days (BoARIO's `iotable_year_to_temporal_unit_factor`).
    public static let daysPerYear = 365
    /// Inputs worth no more than this share of a day's output do not constrain it (BoARIO's TECHNOLOGY_THRESHOLD).
    static let technologyThreshold = 0.00001

    public init(economy: Economy) throws {
        let (regions, sectors, n) = (economy.regionCount, economy.sectorCount, economy.cellCount)
        let flows = economy.intermediateFlows
        guard flows.rows == n, flows.columns == n else {
            throw ARIOError.inconsistentEconomy(
                field: "intermediate flows Z", expected: "\(n)×\(n)", actual: "\(flows.rows)×\(flows.columns)")
        }
        guard economy.finalDemand.rows == n else {
            throw ARIOError.inconsistentEconomy(
                field: "final demand Y", expected: "\(n) rows", actual: "\(economy.finalDemand.rows) rows")
        }
        guard economy.grossOutput.count == n else {
            throw ARIOError.inconsistentEconomy(
                field: "gross output x", expected: "\(n) values", actual: "\(economy.grossOutput.count) values")
        }
        self.regions = economy.regions
        self.sectors = economy.sectors
        annualFlows = flows
        annualFinalDemand = economy.finalDemand
        importProducts = economy.importProducts
        (importCoefficients, constrainingImport) = try Self.importInputs(economy)
        let x = economy.grossOutput
        // (A1) the daily table: BoARIO multiplies by steply_factor = 1/365.
        let perDay = 1 / Double(Self.daysPerYear)
        dailyOutput = x.map { $0 * perDay }
        let y = economy.finalDemand
        var finalDemand = [Double](repeating: 0, count: n)
        for k in 0..<y.columns {
            for i in 0..<n { finalDemand[i] += y[i, k] * perDay }
        }
        dailyFinalDemand = finalDemand
        dailyFlowsByProduct = (0..<sectors).map { p in
            var block = Matrix(rows: regions, columns: n)
            for j in 0..<n {
                for r in 0..<regions { block[r, j] = flows[r * sectors + p, j] * perDay }
            }
            return block
        }
        // (A2) value added x − Zᵀ1, negative values set to 0.
        let inputs = try flows.columnSums()
        valueAdded = zip(x, inputs).map { max(0, $0 - $1) }
        // (A3) input coefficients by product (pymrio's calc_A: Z·diag(1/x), 1/0 := 0, then summed over
        // regions) and the inputs that count in the inventory constraint (annual Z_C against daily X⁰).
        var coefficients = Matrix(rows: n, columns: sectors)
        var constraining = Matrix(rows: n, columns: sectors)
        for j in 0..<n {
            let reciprocal = x[j] == 0 ? 0 : 1 / x[j]
            for p in 0..<sectors {
                var purchases = 0.0, coefficient = 0.0
                for r in 0..<regions {
                    let flow = flows[r * sectors + p, j]
                    purchases += flow
                    coefficient += flow * reciprocal
                }
                coefficients[j, p] = coefficient
                constraining[j, p] = purchases > dailyOutput[j] * Self.technologyThreshold ? coefficient : 0
            }
        }
        inputCoefficients = coefficients
        constrainingCoefficients = constraining
    }

    /// "region/sector" codes of industry i, for messages.
    func industryName(_ i: Int) -> String {
        "\(regions[i / sectorCount].code)/\(sectors[i % sectorCount].code)"
    }
}
