/// The content WordPress stores for a trackback (wp-trackback.php): the citing page's title in
/// `<strong>`, a blank line, then the excerpt. The gateway stores received trackbacks so, and
/// the WXR writer gives a trackback whose title is held apart this form.
///
/// ```swift
/// let content = TrackbackContent.composed(title: "Weekly tides", excerpt: "High water.")
/// TrackbackContent.parts(of: content)?.title    // "Weekly tides"
/// ```
public enum TrackbackContent {
    /// `<strong>title</strong>\n\nexcerpt`.
    public static func composed(title: String, excerpt: String) -> String {
        "<strong>\(title)</strong>\n\n\(excerpt)"
    }

    /// The title and excerpt of content in that form (the line breaks after the title dropped);
    /// nil for content that does not start with `<strong>`.
    public static func parts(of content: String) -> (title: String, excerpt: String)? {
        guard content.hasPrefix("<strong>"), let end = content.firstRange(of: "</strong>") else { return nil }
        let title = content[content.index(content.startIndex, offsetBy: "<strong>".count)..<end.lowerBound]
        let excerpt = content[end.upperBound...].drop { $0 == "\n" || $0 == "\r\n" }
        return (String(title), String(excerpt))
    }
}
