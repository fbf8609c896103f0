/// The export format a site was imported from.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// WordPress eXtended RSS, versions 1.0 to 1.2.
    case wxr
    /// The Movable Type import/export text format.
    case movableType = "mt"
}
