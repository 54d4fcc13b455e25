import CPROJ

public enum PROJInfo {
    /// The PROJ library version, e.g. "9.1.1".
    public static var version: String { String(cString: proj_info().version) }
}
