import FuzzSupport
import TrackwayXML

/// One libFuzzer run: the input as a fetched source page, scanned for its title and links as
/// pingback verification scans it.
///
/// Crashes, traps, hangs and runaway memory are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let page = Array(UnsafeBufferPointer(start: data, count: size))
    _ = HTMLLinkScanner.scan(page, pageURL: "http://source.example/2008/01/a-post/")
    return 0
}

FuzzDriver.run(fuzz)
