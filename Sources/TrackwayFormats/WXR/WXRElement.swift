/// The elements a WXR reader knows, each with its namespace: RSS's `category` and WordPress's
/// `wp:category` are different elements.
///
/// The parser classifies each distinct element name of a document once, then recognises every
/// element by its reader name id, so a large export costs no string compares per element.
///
/// ```swift
/// WXRElement(namespace: .wordPress, localName: "post_id")   // .postID
/// WXRElement(namespace: .rss, localName: "post_id")         // .other
/// ```
enum WXRElement: Equatable {
    // RSS, no namespace.
    case rss, channel, item, title, link, description, pubDate, language, generator, guid, category
    // Dublin Core, content and excerpt.
    case creator, content, excerpt
    // WordPress channel children.
    case wxrVersion, baseSiteURL, baseBlogURL, author, wordPressCategory, tag, term
    case authorID, authorLogin, authorEmail, authorDisplayName, authorFirstName, authorLastName
    case termID, categoryNicename, categoryParent, categoryName, categoryDescription
    case tagSlug, tagName, tagDescription
    case termTaxonomy, termSlug, termParent, termName, termDescription, termMeta
    // WordPress item children.
    case postID, postDate, postDateGMT, postModified, postModifiedGMT, commentStatus, pingStatus
    case postName, status, postParent, menuOrder, postType, postPassword, isSticky, attachmentURL
    case postMeta, metaKey, metaValue
    case comment, commentID, commentAuthor, commentAuthorEmail, commentAuthorURL, commentAuthorIP
    case commentDate, commentDateGMT, commentContent, commentApproved, commentType, commentParent
    case commentUserID, commentMeta
    /// Any other element: a foreign namespace, or a name this reader does not know.
    case other

    init(namespace: WXRNamespace, localName: String) {
        switch namespace {
        case .rss: self = Self.rssElements[localName] ?? .other
        case .wordPress: self = Self.wordPressElements[localName] ?? .other
        case .dublinCore: self = localName == "creator" ? .creator : .other
        case .content: self = localName == "encoded" ? .content : .other
        case .excerpt: self = localName == "encoded" ? .excerpt : .other
        case .other: self = .other
        }
    }

    private static let rssElements: [String: WXRElement] = [
        "rss": .rss, "channel": .channel, "item": .item, "title": .title, "link": .link,
        "description": .description, "pubDate": .pubDate, "language": .language,
        "generator": .generator, "guid": .guid, "category": .category,
    ]

    private static let wordPressElements: [String: WXRElement] = [
        "wxr_version": .wxrVersion, "base_site_url": .baseSiteURL, "base_blog_url": .baseBlogURL,
        "author": .author, "category": .wordPressCategory, "tag": .tag, "term": .term,
        "author_id": .authorID, "author_login": .authorLogin, "author_email": .authorEmail,
        "author_display_name": .authorDisplayName, "author_first_name": .authorFirstName,
        "author_last_name": .authorLastName,
        "term_id": .termID, "category_nicename": .categoryNicename, "category_parent": .categoryParent,
        "cat_name": .categoryName, "category_description": .categoryDescription,
        "tag_slug": .tagSlug, "tag_name": .tagName, "tag_description": .tagDescription,
        "term_taxonomy": .termTaxonomy, "term_slug": .termSlug, "term_parent": .termParent,
        "term_name": .termName, "term_description": .termDescription, "termmeta": .termMeta,
        "post_id": .postID, "post_date": .postDate, "post_date_gmt": .postDateGMT,
        "post_modified": .postModified, "post_modified_gmt": .postModifiedGMT,
        "comment_status": .commentStatus, "ping_status": .pingStatus, "post_name": .postName,
        "status": .status, "post_parent": .postParent, "menu_order": .menuOrder, "post_type": .postType,
        "post_password": .postPassword, "is_sticky": .isSticky, "attachment_url": .attachmentURL,
        "postmeta": .postMeta, "meta_key": .metaKey, "meta_value": .metaValue,
        "comment": .comment, "comment_id": .commentID, "comment_author": .commentAuthor,
        "comment_author_email": .commentAuthorEmail, "comment_author_url": .commentAuthorURL,
        "comment_author_IP": .commentAuthorIP, "comment_date": .commentDate,
        "comment_date_gmt": .commentDateGMT, "comment_content": .commentContent,
        "comment_approved": .commentApproved, "comment_type": .commentType,
        "comment_parent": .commentParent, "comment_user_id": .commentUserID, "commentmeta": .commentMeta,
    ]
}
