import Foundation

/// What could run script in served HTML, as a browser parses it: `Tests/Support/html_safety.py`
/// (html5lib) lists every script element, `on*` attribute, `javascript:`/`data:`/`vbscript:`
/// URL and iframe outside the embed allow-list. Every suite asks it this one way.
///
/// ```swift
/// #expect(try HTMLSafety.check(url: "http://127.0.0.1:\(port)/2008/01/hello/") == [])
/// ```
public enum HTMLSafety {
    /// The script, run by the tests' Python (`TestPython`).
    public static let script: URL = TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/html_safety.py")

    /// The findings in the HTML document `html`, one line each; empty when it is clean.
    public static func check(html: String) throws -> [String] {
        try findings(of: TestPython.run([script.path, "-"], input: Data(html.utf8)))
    }

    /// The findings in the page at `url` (fetched by the script, as a client would); throws
    /// `HTMLSafetyFailed` when it cannot be had (an HTTP error status included).
    public static func check(url: String) throws -> [String] {
        try findings(of: TestPython.run([script.path, url]))
    }

    /// The iframe sources the script accepts, one prefix each.
    public static func embedAllowList() throws -> [String] {
        try TestPython.run([script.path, "--allow-list"]).stdout.split(separator: "\n").map(String.init)
    }

    /// The hostile strings of `Tests/Support/xss_corpus.json`: script tags, handlers, scripting
    /// URLs (encoded, split, mixed case), SVG and MathML, broken tags, breakouts, comments, CDATA.
    public static func corpus() throws -> [String] {
        let data = try Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/xss_corpus.json"))
        return try JSONDecoder().decode([String].self, from: data)
    }

    /// `body` in a whole HTML5 page, as a page would serve it.
    public static func page(body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>\n\(body)\n</body></html>\n"
    }

    private static func findings(of result: ProcessResult) throws -> [String] {
        guard result.status == 0 || result.status == 1 else { throw HTMLSafetyFailed(status: result.status, stderr: result.stderr) }
        return result.stdout.split(separator: "\n").map(String.init)
    }
}

/// html_safety.py could not read the document (exit status 2) or died.
public struct HTMLSafetyFailed: Error, CustomStringConvertible {
    public let status: Int32
    public let stderr: String
    public var description: String { "html_safety.py exited \(status): \(stderr)" }
}
