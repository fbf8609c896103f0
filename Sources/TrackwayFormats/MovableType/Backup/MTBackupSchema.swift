/// What Trackway reads of a Movable Type backup: the whitelisted elements, and of each only the
/// columns the converter uses. Everything else is skipped and counted by element name; of an
/// `author` only `name`, `nickname`, `email` and `url` are read, never `password` or `api_password`.
enum MTBackupSchema {
    /// The backup's namespace; its root element is `movabletype`, a split backup's index `manifest`.
    static let namespace = "http://www.sixapart.com/ns/movabletype"

    /// The kept elements by local name. Their columns are attributes and text children alike (MT
    /// writes a `text` column, or a string longer than 255, as a child element).
    static let elements: [String: MTBackupElement] = {
        let site: [MTBackupColumn] = [.id, .name, .description, .siteURL, .serverOffset, .language]
        let category: [MTBackupColumn] = [.id, .blogID, .label, .basename, .parent, .description]
        let entry: [MTBackupColumn] = [
            .id, .blogID, .authorID, .status, .allowComments, .allowPings, .basename, .title, .convertBreaks,
            .authoredOn, .modifiedOn, .atomID, .text, .textMore, .excerpt, .keywords, .pingedURLs,
        ]
        let asset: [MTBackupColumn] = [.id, .blogID, .label, .fileName, .url, .createdOn, .description]
        let table: [(String, MTBackupElement.Kind, [MTBackupColumn])] = [
            ("website", .site, site), ("blog", .site, site),
            ("author", .author, [.id, .name, .nickname, .email, .url]),
            ("category", .category, category), ("folder", .category, category),
            ("entry", .entry, entry), ("page", .entry, entry),
            ("placement", .placement, [.blogID, .entryID, .categoryID]),
            ("tag", .tag, [.id, .name]),
            ("objecttag", .objectTag, [.blogID, .objectID, .objectDatasource, .tagID]),
            ("trackback", .trackback, [.id, .blogID, .entryID, .categoryID, .title, .url, .isDisabled, .passphrase, .description]),
            ("tbping", .ping, [
                .id, .blogID, .tbID, .title, .sourceURL, .ip, .blogName, .visible, .junkStatus, .createdOn, .excerpt,
            ]),
            ("comment", .comment, [
                .id, .blogID, .entryID, .author, .email, .url, .ip, .visible, .junkStatus, .parentID, .createdOn, .text,
            ]),
            ("asset", .asset, asset), ("image", .asset, asset), ("audio", .asset, asset), ("video", .asset, asset),
            ("file", .asset, asset),
            ("fileinfo", .fileInfo, [.blogID, .entryID, .url]),
        ]
        return Dictionary(uniqueKeysWithValues: table.map { ($0.0, MTBackupElement(name: $0.0, kind: $0.1, columns: $0.2)) })
    }()
}
