import FuzzSupport
import TrackwayFormats

/// One libFuzzer run: the input as a Movable Type export in memory, read to its last entry.
///
/// Errors are expected; crashes, traps, hangs and runaway memory are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = MTExportReader(file: ExportFile(bytes: bytes, name: "fuzz.txt"), options: ReadOptions(fileName: "fuzz.txt"))
    try? reader.read(emit: { _ in }, warn: { _ in })
    return 0
}

FuzzDriver.run(fuzz)
