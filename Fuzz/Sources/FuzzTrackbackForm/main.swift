import FuzzSupport

/// One libFuzzer run: the input as a TrackBack POST body (`application/x-www-form-urlencoded`),
/// decoded as the gateway decodes it, with and without a Content-Type charset.
///
/// Refusals are expected; crashes, traps, hangs and runaway memory are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let form = URLForm(UnsafeBufferPointer(start: data, count: size))
    _ = try? TrackbackRequest(form: form, contentTypeCharset: nil)
    _ = try? TrackbackRequest(form: form, contentTypeCharset: "ISO-8859-1")
    return 0
}

FuzzDriver.run(fuzz)
