import Foundation
import TrackwayXML
import TrackwayXMLRPC

/// Sends Webmentions, pingbacks and trackbacks: fetches the target through the same guarded
/// client as source verification (no internal addresses unless allowed, time, size and redirect
/// limits), discovers its endpoints, posts the ping and reads the answer.
///
/// ```swift
/// let sender = PingSender(userAgent: "Trackway/1 (+https://my.example)")
/// let outcome = await sender.send(PingMessage(source: "https://my.example/post", target: "https://their.example/post"))
/// print(outcome.summary)   // "accepted via webmention at https://their.example/wm (HTTP 202)"
/// ```
public struct PingSender: Sendable {
    let fetcher: any PageFetcher

    /// `allowPrivateAddresses` lets targets and endpoints on loopback and private networks be
    /// reached: tests and local demos only, since it lets a page steer requests inside a network.
    /// The sender has fetch threads of its own, which stop when the last copy of it is gone.
    public init(allowPrivateAddresses: Bool = false, userAgent: String = "Trackway/1 (sending a ping)", maxBytes: Int = 1 << 20) {
        fetcher = SourceFetcher(allowPrivateAddresses: allowPrivateAddresses, maxBytes: maxBytes, userAgent: userAgent)
    }

    /// A sender that fetches and posts through `fetcher` (tests: `MemoryPageFetcher`).
    init(fetcher: any PageFetcher) {
        self.fetcher = fetcher
    }

    /// Discovers the target's endpoints and pings the first of `protocols` it advertises; with
    /// `dryRun`, stops after discovery.
    public func send(_ message: PingMessage, protocols: [PingProtocol] = PingProtocol.allCases, dryRun: Bool = false) async -> PingOutcome {
        var outcome = PingOutcome(source: message.source, target: message.target, result: .noEndpoint, message: "")
        let page: FetchedPage
        do {
            page = try await fetcher.get(message.target)
        } catch {
            outcome.result = .failed
            outcome.message = "could not read the target: \(error)"
            return outcome
        }
        let discovered = EndpointDiscovery.discover(
            targetURL: message.target, pageURL: page.url, headers: page.headers, body: page.body, charset: page.charset
        )
        outcome.discovered = discovered
        guard let via = protocols.first(where: { discovered.endpoint(for: $0) != nil }),
              let endpoint = discovered.endpoint(for: via) else {
            outcome.message = "the target advertises no \(protocols.map(\.rawValue).joined(separator: ", ")) endpoint"
            return outcome
        }
        outcome.via = via
        outcome.endpoint = endpoint
        let request = Self.request(for: message, via: via)
        outcome.sent = Dictionary(request.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        if dryRun {
            outcome.result = .notSent
            outcome.message = "dry run"
            return outcome
        }
        let answer: FetchedPage
        do {
            answer = try await fetcher.post(endpoint, body: request.body, contentType: request.contentType, acceptingErrorStatus: true)
        } catch {
            outcome.result = .failed
            outcome.message = "could not reach the endpoint: \(error)"
            return outcome
        }
        outcome.httpStatus = answer.status
        read(answer, via: via, into: &outcome)
        return outcome
    }

    /// The body a protocol posts, and the fields it holds (for the report).
    static func request(for message: PingMessage, via: PingProtocol) -> (fields: [(name: String, value: String)], body: [UInt8], contentType: String) {
        switch via {
        case .webmention:
            let fields = [(name: "source", value: message.source), (name: "target", value: message.target)]
            return (fields, URLForm.encoded(fields), "application/x-www-form-urlencoded")
        case .pingback:
            let call = XMLRPCRequest(methodName: "pingback.ping", params: [.string(message.source), .string(message.target)])
            // Encoding two strings cannot fail short of libxml2 running out of memory.
            let body = (try? call.encoded()) ?? []
            return ([("method", call.methodName), ("source", message.source), ("target", message.target)], body, "text/xml")
        case .trackback:
            var fields = [(name: "url", value: message.source)]
            for (name, value) in [("title", message.title), ("excerpt", message.excerpt), ("blog_name", message.blogName)] where !value.isEmpty {
                fields.append((name, value))
            }
            return (fields, URLForm.encoded(fields), "application/x-www-form-urlencoded; charset=utf-8")
        }
    }

    /// Judges the endpoint's answer by its protocol's rules.
    func read(_ answer: FetchedPage, via: PingProtocol, into outcome: inout PingOutcome) {
        // The receiver's words without markup: error pages are often HTML.
        let text = HTMLText.excerpt(HTMLLinkScanner.text(ofFragment: String(decoding: answer.body, as: UTF8.self)), limit: 300)
        guard (200..<300).contains(answer.status) else {
            outcome.result = .refused
            outcome.message = text.isEmpty ? "the endpoint answered HTTP \(answer.status)" : text
            return
        }
        switch via {
        case .webmention:
            outcome.result = .accepted
            let location = answer.headerValues("Location").first
            outcome.message = location.map { "status at \($0)" } ?? text
        case .pingback:
            switch try? XMLRPCResponse(parsing: answer.body) {
            case .success(let value):
                outcome.result = .accepted
                outcome.message = value.stringValue ?? ""
            case .fault(let fault):
                outcome.result = .fault
                outcome.faultCode = fault.code
                outcome.message = fault.message.isEmpty ? "(no text; \(PingbackFault.meaning(ofCode: fault.code)))" : fault.message
            case nil:
                outcome.result = .failed
                outcome.message = "the answer is not an XML-RPC response: \(text)"
            }
        case .trackback:
            guard let reply = TrackbackReply(parsing: answer.body) else {
                // Movable Type's rule: a 2xx without a non-zero <error> is a success.
                outcome.result = .accepted
                outcome.message = "the answer holds no TrackBack <error> element"
                return
            }
            outcome.result = reply.isSuccess ? .accepted : .refused
            outcome.message = reply.isSuccess ? reply.message : "TrackBack error \(reply.error): \(reply.message.isEmpty ? "(no message)" : reply.message)"
        }
    }
}
