/// The engine version written into manifests and shown by `shockflow --version` and `shockflow info`.
public enum ShockFlowVersion {
    public static let current = "0.1.0"
}
