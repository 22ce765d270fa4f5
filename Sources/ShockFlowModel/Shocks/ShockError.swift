/// A shock that cannot be applied: a field outside its documented range or a target that does not
/// exist. The scenario reader refuses such shocks with the file's line and column first; this is
/// the model's own check for shocks built in code.
public struct ShockError: Error, Equatable, Sendable, CustomStringConvertible {
    public var scenario: String
    public var shock: String
    public var field: String
    public var value: String
    public var expected: String

    public var description: String {
        "scenario \"\(scenario)\", shock \"\(shock)\": \(field) is \(value); expected \(expected)"
    }
}
