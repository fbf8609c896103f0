/// The one stylesheet of the archive pages, served at `/trackway/style.css`: a readable column,
/// system fonts, quiet metadata, threads indented. The pages read as well without it.
enum ArchiveStylesheet {
    static let css = """
    :root { color-scheme: light dark; --muted: #5f6368; --rule: #d0d4d9; --accent: #1d6fa5; }
    body { margin: 0 auto; max-width: 42rem; padding: 1rem 1.25rem 3rem; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
    a { color: var(--accent); }
    .site-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: 0.75rem; }
    .site-title { font-size: 1.5rem; font-weight: 700; margin: 0; }
    .site-title a { color: inherit; text-decoration: none; }
    .site-description { color: var(--muted); margin: 0.25rem 0 0.5rem; }
    nav[aria-label="Site"] { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    nav form { display: flex; gap: 0.5rem; margin: 0; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0; }
    h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
    .entry-meta, .ping-meta, .entry-footer, .pagination, .comment header, .site-footer { color: var(--muted); font-size: 0.9rem; }
    .entry.summary { border-bottom: 1px solid var(--rule); padding-bottom: 0.5rem; }
    .entry.summary h2 { margin-top: 1.25rem; }
    .entry-content img, .attachment img { max-width: 100%; height: auto; }
    pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.9em; }
    pre { overflow-x: auto; padding: 0.75rem; border: 1px solid var(--rule); }
    blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
    .comment-list, .ping-list, .children { list-style: none; padding-left: 0; }
    .children { margin-left: 1.5rem; border-left: 2px solid var(--rule); padding-left: 0.75rem; }
    .comment, .ping { margin: 1rem 0; }
    .comment .author { font-weight: 600; }
    .ping h3 { font-size: 1.05rem; margin: 0; }
    .ping-meta { margin: 0.1rem 0 0.25rem; }
    .pagination { display: flex; gap: 1rem; margin: 2rem 0; }
    .site-footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 0.75rem; }
    """
}
