import Testing
import TrackwayCore
import TrackwayStore
@testable import TrackwayGateway

/// The owner's spam rules from strings, with the edge cases of WordPress's `check_comment()` and
/// `wp_check_comment_disallowed_list()` (wp-includes/comment.php).
@Suite struct SpamRuleDeciderTests {
    private static func fields(
        author: String = "Peer Blog", url: String = "http://peer.example/post/", content: String = "<strong>A post</strong>\n\nSome words.",
        ip: String = "192.0.2.7", userAgent: String = "WordPress/6.1.9; http://peer.example"
    ) -> SpamRuleDecider.Fields {
        SpamRuleDecider.Fields(author: author, url: url, content: content, ip: ip, userAgent: userAgent)
    }

    private static func decide(_ rules: [SpamRuleName: String], _ fields: SpamRuleDecider.Fields = fields()) -> SpamRuleDecision? {
        SpamRuleDecider.decide(fields, rules: SpamRules(texts: rules))
    }

    @Test("a list is read as WordPress reads it: split at newlines, each line trimmed, empty lines and a line '0' skipped, '#' lines kept as keys")
    func listLines() {
        #expect(SpamRules.entries("  casino \r\n\n\t\n0\n 0 \n# not a comment\nviagra\n\u{0B}pills\0") == ["casino", "# not a comment", "viagra", "pills"])
        #expect(SpamRules.entries("0").isEmpty && SpamRules.entries(" \n \n").isEmpty)
        // A no-break space is no PHP trim() character: such a line is a key.
        #expect(SpamRules.entries("\u{A0}") == ["\u{A0}"])
        #expect(Self.decide([.moderationKeys: "# not a comment"], Self.fields(content: "see # not a comment")) == SpamRuleDecision(rule: .moderationKeys, match: "# not a comment", outcome: .hold))
        #expect(Self.decide([.moderationKeys: "0\n\n"], Self.fields(content: "0 0 0")) == nil)
    }

    @Test("keys match case-insensitively as parts of words, character by character as PCRE's /iu: Kelvin sign and k, final sigma, not ß and ss")
    func caseInsensitiveSubstrings() {
        #expect(Self.decide([.disallowedKeys: "CASINO"], Self.fields(content: "Best casinos online"))?.match == "CASINO")
        #expect(Self.decide([.disallowedKeys: "press"], Self.fields(author: "WordPress"))?.outcome == .spam)
        #expect(Self.decide([.disallowedKeys: "\u{212A}ilo"], Self.fields(content: "one kilo"))?.outcome == .spam)
        #expect(Self.decide([.disallowedKeys: "ΟΔΟΣ"], Self.fields(content: "μια οδος εδώ"))?.outcome == .spam)
        #expect(Self.decide([.disallowedKeys: "ΟΔΟΣ"], Self.fields(content: "μια οδοσ εδώ"))?.outcome == .spam)
        #expect(Self.decide([.disallowedKeys: "strasse"], Self.fields(content: "Hauptstraße")) == nil)
        #expect(Self.decide([.disallowedKeys: "ẞ"], Self.fields(content: "Hauptstraße"))?.outcome == .spam)
        // A letter with a combining accent holds the bare letter, as PCRE sees its code points.
        #expect(Self.decide([.disallowedKeys: "cafe"], Self.fields(content: "cafe\u{301} au lait"))?.outcome == .spam)
    }

    @Test("the key reported is the first of the list that occurs, wherever it occurs; keys inside other keys are found")
    func listOrder() {
        #expect(Self.decide([.disallowedKeys: "viagra\ncasino"], Self.fields(content: "casino then viagra"))?.match == "viagra")
        let overlapping = SpamKeyList(["hers", "his", "she", "he"])
        #expect(overlapping.firstMatch(in: ["ushers"])?.line == "hers")
        #expect(overlapping.firstMatch(in: ["ushe"])?.line == "she")
        #expect(overlapping.firstMatch(in: ["a", "this"])?.line == "his")
        #expect(SpamKeyList(["abcd", "bcx"]).firstMatch(in: ["abcx"])?.line == "bcx")
        // No key spans two fields.
        #expect(SpamKeyList(["blog192"]).firstMatch(in: ["Peer Blog", "192.0.2.7"]) == nil)
    }

    @Test("keys are matched against the blog name, the URL, the content, the IP and the user agent, and nothing else")
    func fieldsMatched() {
        for rule in [SpamRuleName.moderationKeys, .disallowedKeys] {
            #expect(Self.decide([rule: "peer blog"])?.rule == rule)
            #expect(Self.decide([rule: "peer.example/post"])?.rule == rule)
            #expect(Self.decide([rule: "some words"])?.rule == rule)
            #expect(Self.decide([rule: "192.0.2."])?.rule == rule)
            #expect(Self.decide([rule: "wordpress/6.1"])?.rule == rule)
            #expect(Self.decide([rule: "nowhere"]) == nil)
        }
    }

    @Test("the disallowed list also matches the content with its tags stripped; moderation keys do not")
    func strippedContent() {
        let split = Self.fields(content: "cheap ca<b>sino</b> here")
        #expect(Self.decide([.disallowedKeys: "casino"], split) == SpamRuleDecision(rule: .disallowedKeys, match: "casino", outcome: .spam))
        #expect(Self.decide([.moderationKeys: "casino"], split) == nil)
    }

    @Test("a disallowed key makes spam of a ping any hold would have held, as wp_allow_comment() checks the list last")
    func disallowedWins() {
        let rules: [SpamRuleName: String] = [.holdAll: "1", .moderationKeys: "words", .disallowedKeys: "words"]
        #expect(Self.decide(rules)?.outcome == .spam)
        #expect(Self.decide([.holdAll: "1", .moderationKeys: "words"]) == SpamRuleDecision(rule: .holdAll, match: "", outcome: .hold))
        #expect(Self.decide([.holdAll: "0", .moderationKeys: "words"])?.rule == .moderationKeys)
    }

    @Test("max-links holds at N links or more, counted after make_clickable: bare URLs, www. names and e-mail addresses are links")
    func maxLinks() {
        let two = Self.fields(content: "<strong>T</strong>\n\nsee http://a.example/ and www.b.example.")
        #expect(Self.decide([:], two) == SpamRuleDecision(rule: .maxLinks, match: "2 links", outcome: .hold))
        #expect(Self.decide([.maxLinks: "3"], two) == nil)
        #expect(Self.decide([.maxLinks: "0"], two) == nil)
        #expect(Self.decide([.maxLinks: "1"], Self.fields(content: "mail me: someone@mail.example"))?.match == "1 links")
        #expect(Self.decide([:], Self.fields(content: "one http://a.example/ only")) == nil)
        // The sender's URL is no link of the content.
        #expect(Self.decide([.maxLinks: "1"]) == nil)
    }

    @Test("blocked-hosts: the source's host or any domain above it, www. and case ignored, a sibling not")
    func blockedHosts() {
        let rules = SpamRules(texts: [.blockedHosts: "spam.example\nhttps://WWW.Bad.Example/some/page\n*.wild.example\n"])
        #expect(rules.blockedHosts == ["spam.example", "bad.example", "wild.example"])
        #expect(SpamRuleDecider.door(sourceURL: "http://spam.example/x", rules: rules) == SpamRuleDecision(rule: .blockedHosts, match: "spam.example", outcome: .refuse))
        #expect(SpamRuleDecider.door(sourceURL: "https://a.b.SPAM.example:8080/x", rules: rules)?.match == "spam.example")
        #expect(SpamRuleDecider.door(sourceURL: "http://www.bad.example/", rules: rules)?.match == "bad.example")
        #expect(SpamRuleDecider.door(sourceURL: "http://bad.example/", rules: rules)?.match == "bad.example")
        #expect(SpamRuleDecider.door(sourceURL: "http://wild.example/", rules: rules)?.match == "wild.example")
        #expect(SpamRuleDecider.door(sourceURL: "http://notspam.example/", rules: rules) == nil)
        #expect(SpamRuleDecider.door(sourceURL: "http://spam.example.org/", rules: rules) == nil)
    }

    @Test("values are checked as the CLI stores them: a whole number of links, on or off, a host a line")
    func validation() throws {
        #expect(try SpamRules.validated(.maxLinks, " 3\n") == "3")
        #expect(throws: SpamRuleError.self) { try SpamRules.validated(.maxLinks, "-1") }
        #expect(throws: SpamRuleError("max-links: expected a whole number of links (0 turns the rule off), not 'two'")) { try SpamRules.validated(.maxLinks, "two") }
        #expect(try SpamRules.validated(.holdAll, "Yes") == "1" && SpamRules.validated(.holdAll, "off") == "0")
        #expect(try SpamRules.validated(.blockedHosts, "Spam.example\r\n\r\nhttp://www.x.example/p\r\n") == "spam.example\nx.example\n")
        #expect(throws: SpamRuleError("blocked-hosts: line 2: 'ftp://files' is no host name or URL")) {
            try SpamRules.validated(.blockedHosts, "spam.example\nftp://files\n")
        }
        #expect(try SpamRules.validated(.disallowedKeys, "a\r\nb\r\n") == "a\nb\n")
    }

    @Test("a trackback from a blocked host is refused; a disallowed one is stored as spam, unchecked and untold; a held one pending with its rule")
    func trackbackDecider() throws {
        let decider = TrackbackDecider(maxBodyBytes: 1_000, bodyTimeoutSeconds: 2.5, notifying: true)
        let form = Array("url=http%3A%2F%2Fspam.example%2Fp&title=Cheap+casino&blog_name=Spam".utf8)
        let blocked = decider.decide(body: form, contentType: nil, post: DeciderSamples.openPost, clientAddress: "192.0.2.9",
                                     userAgent: "", rules: SpamRules(texts: [.blockedHosts: "spam.example"]))
        #expect(blocked == .answer(.error("Pings from spam.example are not accepted here.")))
        guard case .store(let spam) = decider.decide(body: form, contentType: nil, post: DeciderSamples.openPost, clientAddress: "192.0.2.9",
                                                     userAgent: "", rules: SpamRules(texts: [.disallowedKeys: "casino"])) else { throw SpamRuleError("not stored") }
        #expect(spam.status == .spam && spam.verification == .unchecked && spam.notificationPayload == nil)
        #expect(spam.spamRule == "disallowed-keys" && spam.spamRuleMatch == "casino")
        guard case .store(let held) = decider.decide(body: form, contentType: nil, post: DeciderSamples.openPost, clientAddress: "192.0.2.9",
                                                     userAgent: "SpamBot/1", rules: SpamRules(texts: [.moderationKeys: "spambot"])) else { throw SpamRuleError("not stored") }
        #expect(held.status == .pending && held.verification == .queued && held.notificationPayload != nil)
        #expect(held.spamRule == "moderation-keys" && held.spamRuleMatch == "spambot")
    }

    @Test("a pingback from a blocked host is fault 0 with the reason; a verified one a rule holds is stored pending")
    func pingbackDecider() throws {
        let rules = SpamRules(texts: [.blockedHosts: "other.example", .holdAll: "1"])
        let call = try PingbackDecider.call(from: [.string("http://other.example/citing/"), .string(DeciderSamples.openPost.link)])
        #expect(throws: PingbackFault.generic("Pings from other.example are not accepted here.")) { try PingbackDecider.admit(call, rules: rules) }
        let page = DeciderSamples.scanned("<title>Citing</title><a href=\"\(DeciderSamples.openPost.link)\">hello</a>")
        let ping = try PingbackDecider(wordpressFaults: false, notifying: false).ping(
            call, to: DeciderSamples.openPost, page: page, postKeys: DeciderSamples.openPostKeys, clientAddress: "192.0.2.1",
            userAgent: "", rules: SpamRules(texts: [.holdAll: "1"])
        )
        #expect(ping.status == .pending && ping.verification == .verified && ping.spamRule == "hold-all")
    }

    @Test("a webmention from a blocked host is refused before it is queued; a found mention a key matches, its sender's user agent included, is held or spam")
    func webmentionDecider() throws {
        #expect(throws: WebmentionRefusal(message: "Pings from spam.example are not accepted here.")) {
            try WebmentionDecider.admit(source: "https://www.spam.example/x", rules: SpamRules(texts: [.blockedHosts: "spam.example"]))
        }
        let request = WebmentionRequest(
            id: 1, token: "t", source: "http://other.example/citing/", target: DeciderSamples.openPost.link, postID: 1,
            authorIP: "192.0.2.1", state: .queued, reason: "", commentID: nil, attempts: 0, updatedAt: "", userAgent: "MentionBot/2"
        )
        let mention = WebmentionVerdict(title: "Pills", excerpt: "cheap pills")
        guard case .accept(let held) = WebmentionDecider(notifying: false).decide(
            request, mention: mention, post: nil, rules: SpamRules(texts: [.moderationKeys: "mentionbot"])
        ) else { throw SpamRuleError("not accepted") }
        #expect(held.status == .pending && held.spamRule == "moderation-keys", "the sender's user agent, kept with the request")
        guard case .accept(let ping) = WebmentionDecider(notifying: false).decide(
            request, mention: mention, post: nil, rules: SpamRules(texts: [.disallowedKeys: "PILLS"])
        ) else { throw SpamRuleError("not accepted") }
        #expect(ping.status == .spam && ping.spamRule == "disallowed-keys")
    }
}
