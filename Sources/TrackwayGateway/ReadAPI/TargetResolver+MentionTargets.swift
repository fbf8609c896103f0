import TrackwayCore

extension TargetResolver {
    /// The posts `targets` name, each once, in the order first named, through the same
    /// resolution as pings (any old form of a post's URL). A target on the `--redirect-base` host
    /// names the post at the same path here: the new site asks with its own URLs. A target
    /// without a scheme (`//blog.example/hello/`, `blog.example/hello/`) matches http and https.
    /// Targets that name nothing are left out.
    func mentionTargets(_ targets: [String], redirectBase: String?, requestHost: String?) async throws -> [MentionTarget] {
        var found: [MentionTarget] = []
        let base = redirectBase.flatMap { LegacyURLKey($0) }
        for written in targets {
            let target = written.trimmingWhitespace()
            let hasScheme = target.contains("://")
            let url = hasScheme ? target : (target.hasPrefix("//") ? "http:" : "http://") + target
            guard let key = LegacyURLKey(url) else { continue }
            let resolution: TargetResolution
            if let base, let path = Self.path(of: key, under: base) {
                let query = path.firstIndex(of: "?")
                resolution = try await resolve(
                    path: String(path[..<(query ?? path.endIndex)]), query: query.map { String(path[path.index(after: $0)...]) },
                    requestHost: requestHost
                )
            } else {
                resolution = try await resolve(url: url, requestHost: requestHost)
            }
            guard case .post(let post) = resolution, !found.contains(where: { $0.post.postID == post.postID }) else { continue }
            found.append(MentionTarget(post: post, url: hasScheme ? target : post.link))
        }
        return found
    }

    /// The path and query of `key` below `base` (`/2008/01/hello?x=1`), when `key` is on
    /// `base`'s host and under its path; nil otherwise.
    private static func path(of key: LegacyURLKey, under base: LegacyURLKey) -> String? {
        guard key.value.hasPrefix(base.value) else { return nil }
        let rest = key.value.dropFirst(base.value.count)
        guard rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("?") else { return nil }
        return rest.hasPrefix("/") ? String(rest) : "/" + rest
    }
}
