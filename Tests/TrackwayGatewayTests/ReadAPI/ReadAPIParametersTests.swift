import Testing
import TrackwayCore
@testable import TrackwayGateway

/// The read API's parameters read from query strings, without a server.
@Suite struct ReadAPIParametersTests {
    @Test func noParametersMeanWebmentionIOsDefaults() throws {
        let parameters = try ReadAPIParameters(query: nil)
        #expect(parameters == ReadAPIParameters())
        #expect(parameters.perPage == 20)
        #expect(parameters.page == 0)
        #expect(parameters.order == .created)
        #expect(parameters.descending)
        #expect(parameters.kinds == [.comment, .trackback, .pingback, .webmention])
    }

    @Test func everyParameterIsReadUnderEachOfItsNames() throws {
        let parameters = try ReadAPIParameters(query: """
            target=http%3A%2F%2Fa.example%2F1&target%5B%5D=http://a.example/2&target[]=b.example/3\
            &wm-property%5B%5D=in-reply-to&perPage=30&page=2&sort-by=published&sort-dir=up\
            &since=2024-05-01T14:00:00%2B02:00&since_id=17&jsonp=app.render&token=ignored
            """)
        #expect(parameters.targets == ["http://a.example/1", "http://a.example/2", "b.example/3"])
        #expect(parameters.kinds == [.comment])
        #expect(parameters.perPage == 30)
        #expect(parameters.offset == 60)
        #expect(parameters.order == .published)
        #expect(!parameters.descending)
        #expect(parameters.receivedAfter == "2024-05-01 12:00:00")
        #expect(parameters.afterID == 17)
        #expect(parameters.callback == "app.render")
    }

    @Test func aPageIsAtMostAHundredAndAnAbsurdPageIsPastTheEnd() throws {
        #expect(try ReadAPIParameters(query: "per-page=100000").perPage == 100)
        #expect(try ReadAPIParameters(query: "per-page=0").perPage == 0)
        #expect(try ReadAPIParameters(query: "per-page=99999999999999999999999").perPage == 100)
        #expect(try ReadAPIParameters(query: "page=99999999999999999999999&per-page=10").offset == Int.max)
    }

    @Test func mentionOfSelectsEveryPingKindAndTheOthersNothing() throws {
        #expect(try ReadAPIParameters(query: "wm-property=mention-of").kinds == [.trackback, .pingback, .webmention])
        #expect(try ReadAPIParameters(query: "wm-property=like-of&wm-property=rsvp").kinds.isEmpty)
    }

    @Test(arguments: [
        "per-page=ten", "per-page=+5", "page=-1", "page=0x10", "sort-by=date", "sort-dir=DOWN", "since=yesterday",
        "since=2024-13-01", "since=2024-05-01T12:00:00+25:00", "since_id=-3", "wm-property=like", "jsonp=alert(document.cookie)",
        "jsonp=a%0Ab", "jsonp=.a", "jsonp=a.", "jsonp=\(String(repeating: "a", count: 129))",
    ])
    func aValueNotOfItsFormIsRefused(query: String) {
        #expect(throws: ReadAPIError.self) { try ReadAPIParameters(query: query) }
    }

    @Test func callbackNamesAreJavaScriptIdentifierPaths() {
        for name in ["cb", "jQuery3410_1700000000", "$", "_private", "app.widgets.render", "a1$_"] {
            #expect(ReadAPIParameters.isCallbackName(name), "\(name)")
        }
        for name in ["", "1a", "a-b", "a(b)", "a b", "a;alert(1)", "a[0]", "a..b", "</script>", "caf\u{E9}"] {
            #expect(!ReadAPIParameters.isCallbackName(name), "\(name)")
        }
    }

    @Test func fiftyTargetsAreAllowedAndFiftyOneAreNot() throws {
        let fifty = (1...50).map { "target[]=http://a.example/\($0)" }.joined(separator: "&")
        #expect(try ReadAPIParameters(query: fifty).targets.count == 50)
        #expect(throws: ReadAPIError.self) { try ReadAPIParameters(query: fifty + "&target=http://a.example/51") }
    }
}
