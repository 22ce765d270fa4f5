/// Defaults shared by several subcommands.
enum Defaults {
    /// The built-in economy used when a command is given none.
    static let economy = "china-2017"
}
