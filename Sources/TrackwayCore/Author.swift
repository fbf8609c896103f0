/// A user who wrote posts, as declared by `wp:author` or derived from `dc:creator` / MT `AUTHOR`.
public struct Author: Sendable, Equatable, Codable {
    /// `wp:author_id` when the export has one.
    public var sourceID: Int?
    public var login: String
    public var email: String = ""
    public var displayName: String = ""
    public var firstName: String = ""
    public var lastName: String = ""

    public init(login: String) {
        self.login = login
    }
}
