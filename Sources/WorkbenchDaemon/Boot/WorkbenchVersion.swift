/// The version of this build.
public enum WorkbenchVersion {
    /// Semantic version of the daemon and its protocol.
    public static let current = "0.1.0"
}
