extension RedirectMap {
    /// nginx matches `location` against the decoded path and cannot see the query there, so
    /// URLs with a query go through a `map` on the raw `$request_uri` plus one server-level `if`
    /// whose only action is `return` (a use of `if` nginx documents as safe).
    func nginx() -> String {
        let specials = ";{}#$"
        var lines = ["# trackway redirects: \(redirects.count) permanent redirects to \(newBase)"]
        let paths = redirects.filter { $0.oldQuery.isEmpty }
        let queries = redirects.filter { !$0.oldQuery.isEmpty }
        if !paths.isEmpty {
            lines.append("# Paths: inside the old site's server block.")
            for redirect in paths {
                let location = RedirectSyntax.word(RedirectSyntax.decodedPath(redirect.oldPath), specials: specials)
                lines.append("location = \(location) { return 301 \(RedirectSyntax.word(redirect.newURL, specials: specials)); }")
            }
        }
        if !queries.isEmpty {
            lines.append("# URLs with a query: the map goes in the http block, the if in the old site's server block.")
            lines.append("map $request_uri $trackway_redirect {")
            lines.append("    default \"\";")
            for redirect in queries {
                var path = redirect.oldPath
                while path.count > 1, path.hasSuffix("/") { path.removeLast() }
                let slash = path == "/" ? "" : "/?"
                let pattern = "~^" + RedirectSyntax.regexEscaped(path) + slash + "\\?" + RedirectSyntax.regexEscaped(redirect.oldQuery) + "$"
                lines.append("    \(RedirectSyntax.word(pattern, specials: specials)) \(RedirectSyntax.word(redirect.newURL, specials: specials));")
            }
            lines.append("}")
            lines.append("if ($trackway_redirect) { return 301 $trackway_redirect; }")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
