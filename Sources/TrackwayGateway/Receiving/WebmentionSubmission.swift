import TrackwayCore

/// The `source` and `target` of a Webmention POST, checked as the W3C Recommendation asks before
/// anything is queued (§3.2.1): both present, both http or https URLs, and not the same resource.
/// Whether the target is ours and takes mentions is the resolver's to say.
///
/// ```swift
/// let submission = try WebmentionSubmission(form: URLForm(body))   // throws WebmentionRefusal
/// ```
struct WebmentionSubmission: Sendable, Equatable {
    var source: String
    var target: String

    init(form: URLForm) throws(WebmentionRefusal) {
        guard let source = form.string("source")?.trimmingWhitespace(), !source.isEmpty else {
            throw .missing("source")
        }
        guard let target = form.string("target")?.trimmingWhitespace(), !target.isEmpty else {
            throw .missing("target")
        }
        guard let sourceKey = LegacyURLKey(source) else { throw .unsupportedURL("source") }
        guard let targetKey = LegacyURLKey(target) else { throw .unsupportedURL("target") }
        if sourceKey == targetKey { throw .sameResource }
        self.source = source
        self.target = target
    }
}
