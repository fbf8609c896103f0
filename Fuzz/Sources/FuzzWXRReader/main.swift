import FuzzSupport
import TrackwayFormats

/// One libFuzzer run: the input as a WXR document in memory, read to its last record.
///
/// Errors (ImportError for input that is not well-formed) are expected; crashes, traps, hangs and
/// runaway memory are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = WXRReader(file: ExportFile(bytes: bytes, name: "fuzz.xml"), options: ReadOptions(fileName: "fuzz.xml"))
    try? reader.read(emit: { _ in }, warn: { _ in })
    return 0
}

FuzzDriver.run(fuzz)
