/// A category or tag as an archive page links it.
public struct ArchiveTerm: Sendable, Equatable {
    /// `category` or `post_tag` (or another taxonomy, as imported).
    public var taxonomy: String
    public var slug: String
    public var name: String
    /// The slugs from the top-level ancestor down to this term (`["boats", "repairs"]`): WordPress
    /// links a child category at `/category/boats/repairs/`. Just `[slug]` for tags.
    public var path: [String]

    public init(taxonomy: String, slug: String, name: String, path: [String]) {
        self.taxonomy = taxonomy
        self.slug = slug
        self.name = name
        self.path = path
    }
}
