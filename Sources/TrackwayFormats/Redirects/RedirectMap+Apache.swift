extension RedirectMap {
    /// mod_alias cannot see the query string, so URLs with a query become mod_rewrite rules; the
    /// path patterns work in server, virtual host and `.htaccess` context alike (`^/?`).
    func apache() -> String {
        var lines = ["# trackway redirects: \(redirects.count) permanent redirects to \(newBase)"]
        let paths = redirects.filter { $0.oldQuery.isEmpty }
        let queries = redirects.filter { !$0.oldQuery.isEmpty }
        for redirect in paths {
            let pattern = "^" + RedirectSyntax.regexEscaped(trimmed(RedirectSyntax.decodedPath(redirect.oldPath))) + "/?$"
            lines.append("RedirectMatch 301 \(RedirectSyntax.word(pattern, specials: "")) \(RedirectSyntax.word(redirect.newURL, specials: ""))")
        }
        if !queries.isEmpty {
            lines.append("RewriteEngine On")
            for redirect in queries {
                let path = String(trimmed(RedirectSyntax.decodedPath(redirect.oldPath)).dropFirst())
                let rule = path.isEmpty ? "^/?$" : "^/?" + RedirectSyntax.regexEscaped(path) + "/?$"
                // `\%` keeps percent-escapes from reading as %N back-references, NE keeps them from
                // being escaped twice, and the trailing `?` drops the old query.
                let target = redirect.newURL.replacingOccurrences(of: "%", with: "\\%") + "?"
                lines.append("RewriteCond %{QUERY_STRING} \(RedirectSyntax.word("^" + RedirectSyntax.regexEscaped(redirect.oldQuery) + "$", specials: ""))")
                lines.append("RewriteRule \(RedirectSyntax.word(rule, specials: "")) \(RedirectSyntax.word(target, specials: "")) [R=301,L,NE]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The path without its trailing slashes, `/` for the root.
    private func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }
}
