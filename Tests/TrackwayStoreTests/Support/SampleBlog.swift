import TrackwayCore

/// A small blog built by hand, with one of everything the store keeps.
///
/// What it holds, counted by hand: 3 posts of type `post` (10, 11, 15), 1 page (12),
/// 1 attachment (13), 1 other item (14); plain comments 100, 101, 104 (approved, pending,
/// trash); trackback 102; pingbacks 103 (spam) and 110; authors alice and bob declared, carol
/// only named by post 11; terms category/news, category/world, post_tag/swift declared and
/// post_tag/undeclared only used by post 10.
enum SampleBlog {
    static let key = "https://blog.example.com"

    static func site(key: String = key, title: String = "Example Blog") -> Site {
        var site = Site(sourceKey: key, format: .wxr)
        site.title = title
        site.link = key
        site.description = "Just another blog"
        site.language = "en-US"
        site.baseSiteURL = key
        site.baseBlogURL = key
        site.wxrVersion = "1.2"
        site.generator = "https://wordpress.org/?v=6.1.9"
        site.pubDate = "Tue, 24 Nov 2026 10:00:00 +0000"
        site.unknownElements = ["<cloud domain=\"rpc.example.com\" port=\"80\"/>", "<wp:plugin>x</wp:plugin>"]
        return site
    }

    static func authors() -> [Author] {
        var alice = Author(login: "alice")
        alice.sourceID = 1
        alice.email = "alice@example.com"
        alice.displayName = "Alice"
        alice.firstName = "Alice"
        alice.lastName = "Liddell"
        var bob = Author(login: "bob")
        bob.sourceID = 2
        bob.displayName = "Bob"
        return [alice, bob]
    }

    static func terms() -> [Term] {
        var news = Term(taxonomy: "category", slug: "news")
        news.sourceID = 3
        news.name = "News"
        news.meta = [MetaEntry(key: "color", value: "red")]
        var world = Term(taxonomy: "category", slug: "world")
        world.sourceID = 4
        world.name = "World"
        world.parentSlug = "news"
        world.description = "Around the world"
        var swift = Term(taxonomy: "post_tag", slug: "swift")
        swift.name = "Swift"
        return [news, world, swift]
    }

    static func comment(_ id: String, type: String = "", approved: String = "1") -> Comment {
        var comment = Comment(sourceID: id)
        comment.commentType = type
        comment.approved = approved
        comment.author = "Reader \(id)"
        comment.authorEmail = "reader\(id)@example.net"
        comment.authorURL = "https://reader\(id).example.net/"
        comment.authorIP = "192.0.2.\(id.count)"
        comment.date = "2009-01-02 10:00:00"
        comment.dateGMT = "2009-01-02 09:00:00"
        comment.content = "Comment \(id) — naïve café 漢字 😀"
        return comment
    }

    static func posts(helloContent: String = "<p>Hello, world]]> & more</p>") -> [Post] {
        var hello = Post(sourceID: "10")
        hello.title = "Hello"
        hello.link = "https://blog.example.com/2009/01/hello/"
        hello.guid = "https://blog.example.com/?p=10"
        hello.creator = "alice"
        hello.content = helloContent
        hello.excerpt = "Hi"
        hello.postDate = "2009-01-01 10:00:00"
        hello.postDateGMT = "2009-01-01 09:00:00"
        hello.slug = "hello"
        hello.terms = [
            PostTerm(taxonomy: "category", slug: "news", name: "News"),
            PostTerm(taxonomy: "post_tag", slug: "swift", name: "Swift"),
            PostTerm(taxonomy: "post_tag", slug: "undeclared", name: "Undeclared"),
        ]
        hello.meta = [MetaEntry(key: "_edit_last", value: "1"),
                      MetaEntry(key: "_data", value: "a:1:{s:3:\"key\";s:5:\"value\";}")]
        var pending = comment("101", type: "comment", approved: "0")
        pending.meta = [MetaEntry(key: "akismet_result", value: "false")]
        var reply = comment("104", approved: "trash")
        reply.parentSourceID = "100"
        var trackback = comment("102", type: "trackback")
        trackback.blogName = "Other Blog"
        trackback.sourceTitle = "Citing post"
        hello.comments = [comment("100"), pending, trackback, comment("103", type: "pingback", approved: "spam"), reply]
        hello.unknownElements = ["<plugin:data xmlns:plugin=\"urn:x\">kept</plugin:data>"]
        hello.legacyURLs = ["http://blog.example.com/archives/000010.html"]

        var second = Post(sourceID: "11")
        second.title = "Second"
        second.link = "https://blog.example.com/2009/02/second/"
        second.creator = "carol"
        second.terms = [PostTerm(taxonomy: "category", slug: "world", name: "World")]
        second.comments = [comment("110", type: "pingback")]

        var about = Post(sourceID: "12")
        about.postType = "page"
        about.title = "About"
        about.menuOrder = 2

        var picture = Post(sourceID: "13")
        picture.postType = "attachment"
        picture.status = "inherit"
        picture.parentSourceID = "10"
        picture.attachmentURL = "https://blog.example.com/wp-content/uploads/2009/01/picture.jpg"

        var menuItem = Post(sourceID: "14")
        menuItem.postType = "nav_menu_item"
        menuItem.meta = [MetaEntry(key: "_menu_item_type", value: "custom")]

        var draft = Post(sourceID: "15")
        draft.status = "draft"
        draft.password = "secret"
        draft.isSticky = true
        draft.guidIsPermaLink = true
        draft.replacedCharacters = 2
        draft.sourceFields = [MetaEntry(key: "EXTENDED BODY", value: "More text"),
                              MetaEntry(key: "KEYWORDS", value: "one two")]
        return [hello, second, about, picture, menuItem, draft]
    }

    /// The whole blog in reader order: site, authors, terms, posts.
    static func records(key: String = key, title: String = "Example Blog", posts: [Post] = posts()) -> [ImportRecord] {
        [.site(site(key: key, title: title))]
            + authors().map(ImportRecord.author)
            + terms().map(ImportRecord.term)
            + posts.map(ImportRecord.post)
    }
}
