import TrackwayXML

/// What Trackway reads of a Movable Type backup: the whitelisted elements, and of each only the
/// columns it uses. Everything else is skipped and counted by element name; of an `author` only
/// `name`, `nickname`, `email` and `url` are read, never `password` or `api_password`.
enum MTBackupSchema {
    /// The backup's namespace; its root element is `movabletype`, a split backup's index `manifest`.
    static let namespace = "http://www.sixapart.com/ns/movabletype"

    /// The columns read of each kept element: attributes and text children alike (MT writes a
    /// `text` column, or a string longer than 255, as a child element).
    static let columns: [String: XMLNameList] = columnSets.mapValues(XMLNameList.init)

    private static let columnSets: [String: Set<String>] = {
        let site: Set<String> = ["id", "class", "parent_id", "name", "description", "site_url", "archive_url", "server_offset", "language"]
        let category: Set<String> = ["id", "blog_id", "label", "basename", "parent", "description"]
        let entry: Set<String> = [
            "id", "blog_id", "author_id", "status", "allow_comments", "allow_pings", "basename", "title", "convert_breaks",
            "authored_on", "modified_on", "atom_id", "text", "text_more", "excerpt", "keywords", "pinged_urls",
        ]
        let asset: Set<String> = ["id", "blog_id", "label", "file_name", "url", "mime_type", "created_on", "description"]
        return [
            "website": site, "blog": site,
            "author": ["id", "name", "nickname", "email", "url"],
            "category": category, "folder": category,
            "entry": entry, "page": entry,
            "placement": ["blog_id", "entry_id", "category_id", "is_primary"],
            "tag": ["id", "name"],
            "objecttag": ["blog_id", "object_id", "object_datasource", "tag_id"],
            "trackback": ["id", "blog_id", "entry_id", "category_id", "title", "url", "is_disabled", "passphrase", "description"],
            "tbping": [
                "id", "blog_id", "tb_id", "title", "source_url", "ip", "blog_name", "visible", "junk_status", "created_on", "excerpt",
            ],
            "comment": [
                "id", "blog_id", "entry_id", "author", "email", "url", "ip", "visible", "junk_status", "parent_id", "created_on", "text",
            ],
            "asset": asset, "image": asset, "audio": asset, "video": asset, "file": asset,
            "fileinfo": ["blog_id", "entry_id", "archive_type", "url"],
        ]
    }()
}
