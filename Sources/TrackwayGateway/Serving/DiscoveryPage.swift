/// What a post's page carries so senders find its endpoints: the pingback and webmention
/// `<link>`s and a `rel="trackback"` link for the head (`headMarkup`), and the TrackBack RDF
/// block for the body (`rdfMarkup`). The archive's post page folds both in; `html()` is the
/// minimal page of them alone, with a link to the post.
struct DiscoveryPage {
    var title: String
    var permalink: String
    /// Where the post lived in its source blog.
    var originalLink: String
    var trackbackURL: String
    var pingbackURL: String
    var webmentionURL: String

    /// The three discovery `<link>`s, one a line.
    var headMarkup: String {
        """
        <link rel="pingback" href="\(HTMLText.escaped(pingbackURL))" />
        <link rel="webmention" href="\(HTMLText.escaped(webmentionURL))" />
        <link rel="trackback" href="\(HTMLText.escaped(trackbackURL))" />

        """
    }

    /// The TrackBack RDF block, inside an HTML comment as WordPress's `trackback_rdf()` prints it.
    var rdfMarkup: String {
        let permalink = HTMLText.escaped(self.permalink)
        return """
        <!--
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/">
        <rdf:Description rdf:about="\(permalink)" dc:identifier="\(permalink)" dc:title="\(HTMLText.escaped(title))" trackback:ping="\(HTMLText.escaped(trackbackURL))" />
        </rdf:RDF>
        -->

        """
    }

    func html() -> String {
        let title = HTMLText.escaped(self.title)
        let original = HTMLText.escaped(originalLink.isEmpty ? permalink : originalLink)
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(title)</title>
        \(headMarkup)</head><body>
        <h1><a href="\(original)">\(title)</a></h1>
        \(rdfMarkup)</body></html>

        """
    }
}
