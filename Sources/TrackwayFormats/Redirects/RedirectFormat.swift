/// The server configuration or file a redirect map is written as.
public enum RedirectFormat: String, Sendable, CaseIterable {
    /// nginx: `location =` blocks for paths, a `map $request_uri` for URLs with a query.
    case nginx
    /// Apache: `RedirectMatch` for paths, `RewriteCond`/`RewriteRule` for URLs with a query.
    case apache
    /// `old_url,new_url` rows with RFC 4180 quoting, under a header row.
    case csv
}
