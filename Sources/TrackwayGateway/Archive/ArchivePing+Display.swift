import TrackwayCore
import TrackwayStore

extension ArchivePing {
    /// What a ping's entry shows: the citing page's title, the citing blog's name and the
    /// excerpt, as stored HTML text. A trackback's content is WordPress's
    /// `<strong>title</strong>` and the excerpt, and its author the blog's name (all an imported
    /// one may have): the title is taken from there when no title was stored, and left out of the
    /// excerpt either way.
    var display: (title: String, blogName: String, excerpt: String) {
        var title = sourceTitle
        var excerpt = self.excerpt
        if kind == .trackback, let parts = TrackbackContent.parts(of: excerpt) {
            if title.isEmpty { title = parts.title }
            excerpt = String(parts.excerpt.drop { $0.isWhitespace })
        }
        if title.isEmpty { title = author }
        let blog = blogName.isEmpty && kind == .trackback && author != title ? author : blogName
        return (title, blog, excerpt)
    }
}
