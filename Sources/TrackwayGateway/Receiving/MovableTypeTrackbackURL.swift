/// The parts of a Movable Type TrackBack URL under any CGI path: `…/mt-tb.cgi/<id>`,
/// `…/mt-tb.cgi/<id>/<passphrase>` or `…/mt-tb.cgi?tb_id=<id>[&pass=<passphrase>]`, as
/// `MT::App::Trackback` reads them (the query's `tb_id` wins over the path).
///
/// ```swift
/// let url = MovableTypeTrackbackURL(path: "/cgi-bin/mt/mt-tb.cgi/12/sesame", query: nil)
/// url?.trackbackID   // "12"
/// url?.passphrase    // "sesame"
/// ```
struct MovableTypeTrackbackURL: Sendable, Equatable {
    /// The id as written (MT answers an id that is not one of its own with "Invalid TrackBack ID").
    var trackbackID: String
    /// The passphrase the URL carries, nil when none (a form field `pass` may carry it instead).
    var passphrase: String?

    /// nil for a path without the `mt-tb.cgi` script, or with no id anywhere.
    init?(path: String, query: String?) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let script = segments.firstIndex(of: "mt-tb.cgi") else { return nil }
        let rest = segments[(script + 1)...]
        let form = URLForm(query: query)
        if let id = form.string("tb_id"), !id.isEmpty {
            trackbackID = id
            passphrase = form.string("pass") ?? rest.dropFirst().first.map(String.init)
        } else if let id = rest.first {
            trackbackID = String(id)
            passphrase = rest.dropFirst().first.map(String.init) ?? form.string("pass")
        } else {
            return nil
        }
    }

    /// The id as MT's `trackback.id`: ASCII digits, nil otherwise.
    var numericID: Int? {
        guard !trackbackID.isEmpty, trackbackID.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(trackbackID)
    }
}
