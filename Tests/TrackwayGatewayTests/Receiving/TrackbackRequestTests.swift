import Testing
@testable import TrackwayGateway

@Suite struct TrackbackRequestTests {
    private func request(_ form: String, contentTypeCharset: String? = nil) throws(TrackbackRequest.Refusal) -> TrackbackRequest {
        try TrackbackRequest(form: URLForm(Array(form.utf8)), contentTypeCharset: contentTypeCharset)
    }

    @Test("reads the four fields, decoded, with the URL trimmed and absent fields empty")
    func fields() throws {
        #expect(try request("url=+http%3A%2F%2Ftb.example%2Fp+&title=T%C3%BCtle&excerpt=A+%26+B&blog_name=Blog")
            == TrackbackRequest(url: "http://tb.example/p", title: "Tütle", excerpt: "A & B", blogName: "Blog"))
        #expect(try request("title=only") == TrackbackRequest(url: "", title: "only", excerpt: "", blogName: ""))
    }

    @Test("decodes by the form's charset field (spaces and commas dropped) before the Content-Type's")
    func charsetPrecedence() throws {
        #expect(try request("title=Caf%E9&charset=iso-8859-1,+", contentTypeCharset: "UTF-8").title == "Café")
        #expect(try request("title=Caf%E9", contentTypeCharset: "ISO-8859-1").title == "Café")
        #expect(try request("url=http%3A%2F%2Ftb.example%2F%C3%A9&title=x&charset=ISO-8859-1").url == "http://tb.example/é")
    }

    @Test("refuses UTF-7 in any case, an unknown charset, and text that is not valid in its charset")
    func refusals() {
        #expect(throws: TrackbackRequest.Refusal.utf7) { try request("title=x&charset=utf-7") }
        #expect(throws: TrackbackRequest.Refusal.utf7) { try request("title=x", contentTypeCharset: "x-UTF-7-imap") }
        #expect(throws: TrackbackRequest.Refusal.unknownCharset("X-NOPE")) { try request("title=x&charset=x-nope") }
        #expect(throws: TrackbackRequest.Refusal.undecodable("UTF-8")) { try request("title=%C3&charset=UTF-8") }
    }
}
