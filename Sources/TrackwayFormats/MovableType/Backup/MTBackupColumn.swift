/// A column Trackway reads of some Movable Type backup object (an attribute or a text child, as
/// MT writes a column either way), named in Swift; `name` is the backup's own.
///
/// The converter asks an object for its columns by these cases, which index a small table
/// (`MTBackupElement.position(of:)`), where comparing column names as strings took a dozen
/// comparisons a lookup.
///
/// ```swift
/// MTBackupColumn.blogID.name   // "blog_id"
/// ```
enum MTBackupColumn: Int, CaseIterable {
    case id, blogID, name, description, siteURL, serverOffset, language
    case nickname, email, url, label, basename, parent, authorID
    case status, allowComments, allowPings, title, convertBreaks, authoredOn, modifiedOn
    case atomID, text, textMore, excerpt, keywords, pingedURLs, entryID
    case categoryID, objectID, objectDatasource, tagID, isDisabled, passphrase, tbID
    case sourceURL, ip, blogName, visible, junkStatus, createdOn, author
    case parentID, fileName

    /// The column's name in the backup.
    var name: String {
        switch self {
        case .id: "id"
        case .blogID: "blog_id"
        case .name: "name"
        case .description: "description"
        case .siteURL: "site_url"
        case .serverOffset: "server_offset"
        case .language: "language"
        case .nickname: "nickname"
        case .email: "email"
        case .url: "url"
        case .label: "label"
        case .basename: "basename"
        case .parent: "parent"
        case .authorID: "author_id"
        case .status: "status"
        case .allowComments: "allow_comments"
        case .allowPings: "allow_pings"
        case .title: "title"
        case .convertBreaks: "convert_breaks"
        case .authoredOn: "authored_on"
        case .modifiedOn: "modified_on"
        case .atomID: "atom_id"
        case .text: "text"
        case .textMore: "text_more"
        case .excerpt: "excerpt"
        case .keywords: "keywords"
        case .pingedURLs: "pinged_urls"
        case .entryID: "entry_id"
        case .categoryID: "category_id"
        case .objectID: "object_id"
        case .objectDatasource: "object_datasource"
        case .tagID: "tag_id"
        case .isDisabled: "is_disabled"
        case .passphrase: "passphrase"
        case .tbID: "tb_id"
        case .sourceURL: "source_url"
        case .ip: "ip"
        case .blogName: "blog_name"
        case .visible: "visible"
        case .junkStatus: "junk_status"
        case .createdOn: "created_on"
        case .author: "author"
        case .parentID: "parent_id"
        case .fileName: "file_name"
        }
    }
}
