// What the owner's spam rules cost one TrackBack, timed on WordPress 6.1.9's recorded ping: the
// decision with the default rules (max-links 2, no lists), with one or two bare URLs in the
// excerpt (make_clickable runs only when links could reach the limit), and with 200 keys in each
// list and 200 blocked hosts, each as a ratio to the text work the gateway
// already does on that ping (HTMLText.normalized of its three fields) in the same run. Built by
// Benchmarks/spam-rules.sh with swiftc -O; not a test.
import Foundation

extension String {
    // PingbackService.swift's, which the benchmark does not compile.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

let title = "WordPress&#8217;s client ping: caf\u{E9} &#038; &#8220;quotes&#8221;"
let excerpt = "This post was written by the reference peer so that WordPress sends a pingback. It links to the target post. Second paragraph, "
    + "so that the TrackBack excerpt shows how WordPress encodes text: it&#8217;s got &#8220;straight quotes&#8221;, caf\u{E9}, 日本語, an e&#8230;"
func fields(_ excerpt: String) -> SpamRuleDecider.Fields {
    SpamRuleDecider.Fields(
        author: "Peer Blog", url: "http://127.0.0.1:8090/2013/01/wp-client-ping-bb347fb700/",
        content: "<strong>\(title)</strong>\n\n\(excerpt)", ip: "192.0.2.7", userAgent: "WordPress/6.1.9; http://127.0.0.1:8090"
    )
}
let plain = fields(excerpt)
let linked = fields(excerpt + " More at http://peer.example/more/ today.")
let twoLinks = fields(excerpt + " More at http://peer.example/more/ and www.peer.example.")
let keys = (0..<200).map { "spamword\($0)" }.joined(separator: "\n")
let lists = SpamRules(texts: [.moderationKeys: keys, .disallowedKeys: keys, .blockedHosts: (0..<200).map { "host\($0).example" }.joined(separator: "\n")])

let iterations = 20_000
let baseline = nanoseconds(iterations) {
    HTMLText.normalized(title, limit: 250).utf8.count + HTMLText.normalized(excerpt, limit: 252).utf8.count + HTMLText.normalized("Peer Blog").utf8.count
}
let rows: [(String, Double)] = [
    ("default rules", nanoseconds(iterations) { SpamRuleDecider.decide(plain, rules: .defaults) == nil ? 1 : 0 }),
    ("default rules, a URL in the excerpt", nanoseconds(iterations) { SpamRuleDecider.decide(linked, rules: .defaults) == nil ? 1 : 0 }),
    ("default rules, two (make_clickable runs)", nanoseconds(iterations / 10) { SpamRuleDecider.decide(twoLinks, rules: .defaults) == nil ? 0 : 1 }),
    ("200 keys a list, 200 blocked hosts", nanoseconds(iterations / 10) {
        (SpamRuleDecider.door(sourceURL: plain.url, rules: lists) == nil ? 1 : 0) + (SpamRuleDecider.decide(plain, rules: lists) == nil ? 1 : 0)
    }),
]
print(String(format: "%-40@ %10.0f ns  1.00x", "baseline: HTMLText.normalized x3" as NSString, baseline))
for (name, ns) in rows {
    print(String(format: "%-40@ %10.0f ns  %.2fx", name as NSString, ns, ns / baseline))
}
