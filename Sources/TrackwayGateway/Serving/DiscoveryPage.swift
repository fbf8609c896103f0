/// The minimal page served at a post's legacy URL so senders find its endpoints: the pingback and
/// webmention `<link>`s, a `rel="trackback"` link and the TrackBack RDF block, and a link to the post.
struct DiscoveryPage {
    var title: String
    var permalink: String
    /// Where the post lived in its source blog.
    var originalLink: String
    var trackbackURL: String
    var pingbackURL: String
    var webmentionURL: String

    func html() -> String {
        let title = HTMLText.escaped(self.title)
        let permalink = HTMLText.escaped(self.permalink)
        let trackback = HTMLText.escaped(trackbackURL)
        let original = HTMLText.escaped(originalLink.isEmpty ? self.permalink : originalLink)
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(title)</title>
        <link rel="pingback" href="\(HTMLText.escaped(pingbackURL))" />
        <link rel="webmention" href="\(HTMLText.escaped(webmentionURL))" />
        <link rel="trackback" href="\(trackback)" />
        </head><body>
        <h1><a href="\(original)">\(title)</a></h1>
        <!--
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/">
        <rdf:Description rdf:about="\(permalink)" dc:identifier="\(permalink)" dc:title="\(title)" trackback:ping="\(trackback)" />
        </rdf:RDF>
        -->
        </body></html>

        """
    }
}
